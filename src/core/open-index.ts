import type { ReindexProgress, ReindexSummary } from './dossier.ts';
import { describeError, IndexError } from '../errors.ts';
import { loadIndex, readManifest, type LoadedIndex } from '../index/artifact.ts';
import { cleanLeftovers, currentIndexDir, indexDirs } from '../index/location.ts';
import type { CoreDeps, TimelineModule } from './deps.ts';
import { checkStaleness } from './staleness.ts';
import type { ArticleStoreSnapshot } from '../timeline/stage.ts';
import type { TimelineEvent } from '../timeline/types.ts';

/** An index ready to answer from, with its timeline. */
export interface OpenIndex {
  artifact: LoadedIndex;
  events: TimelineEvent[];
  /** The index's per-article timeline extractions as the last corpus change wrote them: the next need not read them. */
  extractions?: ArticleStoreSnapshot;
}

/** What opening the index did, for the start-up log. */
export interface OpenReport {
  built?: ReindexSummary;
  reason?: string;
  removedLeftovers: string[];
}

/** What opening reads of the dependencies: a build's, the timeline's loader, and where to warn. */
export type OpenDeps = Pick<CoreDeps, 'config' | 'embeddings' | 'timeline' | 'embed' | 'hnsw' | 'checkpoint' | 'warn'>;

/** Loads one index directory with its timeline. */
export async function openIndexDir(
  deps: Pick<CoreDeps, 'embeddings'> & { timeline: Pick<TimelineModule, 'load'> },
  dir: string,
): Promise<OpenIndex> {
  const [artifact, events] = await Promise.all([loadIndex(dir, deps.embeddings), deps.timeline.load(dir)]);
  return { artifact, events };
}

/**
 * Opens the current index, rebuilding it first when it is missing, stale (corpus files added, changed or
 * removed; another model or chunking) or damaged. When a rebuild fails, a previous index that still loads is
 * used with a warning rather than nothing.
 */
export async function openOrBuildIndex(deps: OpenDeps, onProgress?: (progress: ReindexProgress) => void): Promise<OpenIndex & OpenReport> {
  const { config } = deps;
  let pointerDamage: string | undefined;
  const current = await currentIndexDir(config.dataDir).catch((error: unknown) => {
    pointerDamage = describeError(error);
    deps.warn(`${pointerDamage} Rebuilding the index from the corpus.`);
    return undefined;
  });
  const removedLeftovers = await cleanLeftovers(config.dataDir, current ? [current] : []);
  // The current index is read while the corpus is scanned: the scan is mostly the main thread's, the graph is read
  // by hnswlib's own thread, so together they take about as long as the longer one. A stale index read for nothing
  // is closed before the rebuild.
  const loading = current ? settled(openIndexDir(deps, current)) : undefined;
  const reason = current ? await whyRebuild(deps, current) : pointerDamage ? 'index pointer damaged' : 'no index built yet';
  const loaded = await loading;
  if (loaded && 'value' in loaded) {
    if (!reason) return { ...loaded.value, removedLeftovers };
    loaded.value.artifact.close();
  } else if (loaded && !reason) {
    if (!(loaded.error instanceof IndexError)) throw loaded.error;
    deps.warn(`${loaded.error.message} Rebuilding it from the corpus.`);
  }
  const previous = current ? await readManifest(current).catch(() => undefined) : undefined;
  try {
    // Imported here: a process that opens a current index never needs the build (the text splitter, the worker).
    const { reindex } = await import('./build.ts');
    const { dir, summary } = await reindex(deps, previous, onProgress);
    return { ...(await openIndexDir(deps, dir)), built: summary, reason: reason ?? 'index damaged', removedLeftovers };
  } catch (error) {
    const fallback = await firstLoadable(deps, current);
    if (!fallback) throw error;
    deps.warn(`Rebuilding the index failed (${describeError(error)}); answering from the previous index.`);
    return { ...fallback, reason: 'rebuild failed', removedLeftovers };
  }
}

/** A promise's outcome as a value, so that it can wait unobserved without an unhandled rejection. */
function settled<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

async function whyRebuild(deps: OpenDeps, dir: string): Promise<string | undefined> {
  try {
    return (await checkStaleness(deps, await readManifest(dir))).reason;
  } catch (error) {
    deps.warn(error instanceof IndexError ? `${error.message} Rebuilding it from the corpus.` : describeError(error));
    return error instanceof IndexError ? 'index damaged' : describeError(error);
  }
}

/** The current index if it loads, else the newest older one that does. */
async function firstLoadable(deps: OpenDeps, current: string | undefined): Promise<OpenIndex | undefined> {
  const others = (await indexDirs(deps.config.dataDir)).filter((dir) => dir !== current);
  for (const dir of current ? [current, ...others] : others) {
    try {
      return await openIndexDir(deps, dir);
    } catch {
      // Try the next older one.
    }
  }
  return undefined;
}
