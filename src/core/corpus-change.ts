// A corpus change (one article added or removed) applied to the index incrementally, under the reindex lock.
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { chunkArticle } from '../corpus/chunk.ts';
import type { Article } from '../corpus/types.ts';
import { IndexError, UserError } from '../errors.ts';
import { writeFileAtomic } from '../files/write-atomic.ts';
import { recordsOf, type LoadedIndex, type StoredArticle } from '../index/artifact.ts';
import { compactIfDue } from '../index/compaction.ts';
import { embedInBatches, toRows } from '../index/embed-batches.ts';
import { applyChange, type ArticleRows } from '../index/incremental.ts';
import { announceChange, currentIndexDir } from '../index/location.ts';
import { acquireReindexLock } from '../index/reindex-lock.ts';
import { appendAudit, type Actor } from '../ingest/audit.ts';
import { findDuplicate, proseKeys } from '../ingest/duplicate.ts';
import type { PreparedArticle } from '../ingest/prepare.ts';
import type { ArticleStoreSnapshot } from '../timeline/stage.ts';
import type { TimelineArticleRef } from '../timeline/types.ts';
import type { BuildDeps } from './deps.ts';
import type { CorpusChangeSummary } from './dossier.ts';
import type { OpenIndex } from './open-index.ts';

/** One article to add (prepared from a file or URL) or to remove (by its corpus file name). */
export type CorpusChange = { kind: 'add'; prepared: PreparedArticle } | { kind: 'remove'; source: string };

/**
 * Adds or removes one article in place: writes (or moves away) its corpus file, embeds only its sentences, and
 * commits only its rows to the current index (its vectors appended, its chunks inserted into the HNSW graph and
 * BM25 or marked deleted), in one transaction; the rest of the index is not read or rewritten, so the cost does
 * not grow with the corpus. Only its timeline events are extracted, and only the years they fall in are merged again
 * (`timeline/assembly-state.ts`). Questions are answered throughout; the open index
 * switches at the commit. On failure the corpus file is put back as it was and the index is unchanged.
 */
export async function changeCorpus(
  deps: BuildDeps,
  current: OpenIndex,
  change: CorpusChange,
  actor: Actor,
): Promise<OpenIndex & { summary: CorpusChangeSummary }> {
  const startedAt = Date.now();
  const { config } = deps;
  const checkpoint = deps.checkpoint ?? (() => {});
  const lock = await acquireReindexLock(config.dataDir);
  let undo: (() => Promise<unknown>) | undefined;
  let timelineSaved = false;
  try {
    await checkpoint('locked');
    if ((await currentIndexDir(config.dataDir).catch(() => undefined)) !== current.artifact.dir) {
      throw new IndexError('Another process changed the index meanwhile; run the command again.', 'stale');
    }
    const artifact = current.artifact;
    // Another process's change committed since this index was read comes first.
    artifact.catchUp();
    let add: ArticleRows | undefined;
    let removed: StoredArticle | undefined;
    let chunks: number;
    if (change.kind === 'add') {
      const { prepared } = change;
      refuseDuplicate(prepared, artifact);
      const path = join(config.corpusDir, prepared.source);
      if (
        await stat(path).then(
          () => true,
          () => false,
        )
      )
        throw new UserError(`The corpus already has a file named ${prepared.source}.`, 'DUPLICATE');
      add = await articleRows(deps, prepared.article);
      chunks = add.records.chunks.length;
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, prepared.content);
      undo = () => rm(path, { force: true });
    } else {
      removed = artifact.articles.get(change.source);
      if (!removed)
        throw new UserError(`No article named ${change.source} in the corpus; /corpus list shows their names.`, 'UNKNOWN_ARTICLE');
      if (artifact.articles.size === 1)
        throw new UserError(`${change.source} is the only article; the corpus cannot be left empty.`, 'LAST_ARTICLE');
      chunks = artifact.articles.summaries().find((s) => s.source === change.source)?.chunks ?? 0;
      undo = await moveAway(config.corpusDir, config.dataDir, change.source);
    }
    await checkpoint('corpus-written');
    await checkpoint('vectors');
    const timeline = await deps.timeline.extract(
      articlesAfter(artifact, { add: add?.records.article, remove: removed?.source }),
      artifact.dir,
      { incremental: true, ...(current.extractions ? { held: current.extractions } : {}) },
    );
    const { events } = timeline;
    await checkpoint('timeline');
    // The timeline is saved before the records are committed: a crash between the two leaves a corpus file the
    // manifest does not list, so the next start rebuilds everything rather than serve a timeline that is behind.
    const saved = await deps.timeline.save(artifact.dir, timeline);
    timelineSaved = true;
    await lock.assertHeld();
    applyChange(artifact, { add, remove: removed?.source, events: events.length }, startedAt);
    timelineSaved = false;
    undo = undefined;
    await announceChange(config.dataDir, artifact.dir, artifact.seq);
    await checkpoint('swapped');
    await compactIfDue(artifact);
    const article = add?.records.article ?? removed!;
    await appendAudit(config.dataDir, {
      at: new Date().toISOString(),
      action: change.kind,
      actor,
      source: article.source,
      ...(article.meta.title ? { title: article.meta.title } : {}),
      checksum: article.hash,
      ...(change.kind === 'add' ? { origin: change.prepared.origin } : {}),
      chunks,
    });
    const summary: CorpusChangeSummary = {
      action: change.kind,
      source: article.source,
      title: article.meta.title,
      chunks,
      totalChunks: artifact.chunkCount,
      embedded: add?.records.article.sentences.length ?? 0,
      events: events.length,
      timeline: {
        extracted: timeline.extracted,
        ms: timeline.ms,
        ...(timeline.refitted !== undefined ? { refitted: timeline.refitted } : {}),
      },
      ms: Date.now() - startedAt,
    };
    return { artifact, events, summary, ...(saved ? { extractions: saved.snapshot } : {}) };
  } finally {
    // The change failed after the new timeline was saved: the one the index still matches goes back.
    if (timelineSaved) {
      const before = articlesAfter(current.artifact, {});
      await deps.timeline
        .extract(before, current.artifact.dir)
        .then((build) => deps.timeline.save(current.artifact.dir, build))
        .catch(() => {});
    }
    if (undo) await undo().catch(() => {});
    await lock.release();
  }
}

/**
 * Readies the next change of `current` ahead of it (`TimelineModule.prepare`), for a long-running process to call
 * after opening an index: gives the extractions snapshot to keep as `current.extractions`, with the timeline
 * assembly's in-memory state made, so that the first change costs what the next ones do. Reads only.
 */
export async function prepareCorpusChange(deps: BuildDeps, current: OpenIndex): Promise<ArticleStoreSnapshot | undefined> {
  if (current.extractions || !deps.timeline.prepare) return current.extractions;
  return deps.timeline.prepare(current.artifact.dir, articlesAfter(current.artifact, {}));
}

/** @throws UserError naming the article that already holds the same bytes or the same text (two index lookups). */
export function refuseDuplicate(prepared: PreparedArticle, index: LoadedIndex): void {
  const sameText = () => {
    const source = findDuplicate(prepared.article.sentences, (keys) => index.store.articlesSharing(keys));
    return source ? index.articles.get(source) : undefined;
  };
  const same = index.store.articleWithHash(prepared.hash) ?? sameText();
  if (same) {
    const title = same.meta.title ? ` (“${same.meta.title}”)` : '';
    throw new UserError(`This article is already in the corpus as ${same.source}${title}; nothing was added.`, 'DUPLICATE');
  }
}

/** Embeds one article's sentences (and nothing else) and chunks it. */
async function articleRows(deps: BuildDeps, article: Article): Promise<ArticleRows> {
  const chunks = await chunkArticle(article, deps.config.chunking);
  const embed = deps.embed ?? ((texts, onBatch) => embedInBatches(deps.embeddings, texts, onBatch));
  const texts = article.sentences.map((sentence) => sentence.text);
  const sentenceVectors = toRows(await embed(texts, () => {}), texts.length, deps.embeddings.dimensions);
  return { records: { ...recordsOf(article, chunks), textKeys: proseKeys(article.sentences) }, sentenceVectors };
}

/**
 * The articles once the change is applied, in corpus order (what a full build would extract from): the kept ones
 * by name and checksum, read from the record store only if the timeline has no extraction of them stored.
 */
function articlesAfter(artifact: OpenIndex['artifact'], change: { add?: StoredArticle; remove?: string }): TimelineArticleRef[] {
  const articles: TimelineArticleRef[] = artifact.articles
    .summaries()
    .filter((article) => article.source !== change.remove)
    .map(({ source, hash }) => ({ source, hash, read: () => storedArticle(artifact, source) }));
  const added = change.add;
  // Stored articles carry everything extraction reads (source, text, meta, sentences).
  if (added) articles.push({ source: added.source, hash: added.hash, read: () => added });
  return articles.sort((a, b) => a.source.localeCompare(b.source));
}

function storedArticle(artifact: OpenIndex['artifact'], source: string): StoredArticle {
  const article = artifact.articles.get(source);
  if (!article)
    throw new IndexError(`The index lists ${source} but holds no record of it: rebuild the index with a forced reindex.`, 'corrupt');
  return article;
}

/** Moves a removed article's file to DATA_DIR/removed-articles (nothing is lost); returns how to put it back. */
async function moveAway(corpusDir: string, dataDir: string, source: string): Promise<() => Promise<void>> {
  const from = join(corpusDir, source);
  const folder = join(dataDir, 'removed-articles');
  await mkdir(folder, { recursive: true });
  const to = join(folder, `${new Date().toISOString().replace(/[-:.]/g, '')}-${source.replace(/[\\/]/g, '_')}`);
  await copyFile(from, to);
  await rm(from);
  return async () => {
    await copyFile(to, from);
    await rm(to, { force: true });
  };
}
