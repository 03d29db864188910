import type { ArticleTimeline } from './article-timeline.ts';
import type { AssemblyState } from './assembly-state.ts';
import { HeldAssembly } from './held-assembly.ts';

/**
 * Where per-article extractions are kept between builds, keyed by article checksum. A map in memory or rows of a
 * database in the index directory (`article-store-db.ts`) both fit; `get` returns undefined for an
 * article never extracted (or extracted by another version of the extractor, which the store must not return).
 */
export interface ArticleTimelineStore {
  get(checksum: string): ArticleTimeline | undefined;
  put(record: ArticleTimeline): void;
  /** What the last assembly of these articles kept for the next (`assembly-state.ts`), if any. */
  assembly?: AssemblyState;
  /** What assemblies of these articles keep in memory for the next (`held-assembly.ts`), if the store keeps it. */
  readonly held?: HeldAssembly;
}

/** A store held in memory. */
export class MemoryArticleTimelines implements ArticleTimelineStore {
  private readonly records = new Map<string, ArticleTimeline>();
  assembly?: AssemblyState;
  readonly held = new HeldAssembly();

  constructor(records: Iterable<ArticleTimeline> = [], assembly?: AssemblyState) {
    if (assembly) this.assembly = assembly;
    for (const record of records) this.records.set(record.checksum, record);
  }

  get(checksum: string): ArticleTimeline | undefined {
    return this.records.get(checksum);
  }

  put(record: ArticleTimeline): void {
    this.records.set(record.checksum, record);
  }
}

/**
 * A store over extractions another holds (read, never changed): what is put goes into a layer of its own. `held`
 * is the snapshot's in-memory assembly state, which a build updates (it stays right for any corpus).
 */
export class LayeredArticleTimelines implements ArticleTimelineStore {
  private readonly added = new Map<string, ArticleTimeline>();
  assembly?: AssemblyState;

  constructor(
    private readonly base: ReadonlyMap<string, ArticleTimeline>,
    assembly?: AssemblyState,
    readonly held = new HeldAssembly(),
  ) {
    if (assembly) this.assembly = assembly;
  }

  get(checksum: string): ArticleTimeline | undefined {
    return this.added.get(checksum) ?? this.base.get(checksum);
  }

  put(record: ArticleTimeline): void {
    this.added.set(record.checksum, record);
  }
}
