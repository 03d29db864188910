// A corpus change (one article added or removed) applied to the index incrementally, under the reindex lock.
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { chunkArticle } from '../corpus/chunk.ts';
import type { Article } from '../corpus/types.ts';
import { IndexError, UserError } from '../errors.ts';
import { writeFileAtomic } from '../files/write-atomic.ts';
import { assembleArtifact, saveIndex, type StoredArticle } from '../index/artifact.ts';
import { chunkVectorsFromSentences, sentencesOfChunks } from '../index/chunk-vectors.ts';
import { embedInBatches } from '../index/embed-batches.ts';
import { changeDense, changeRows, type ArticleRows } from '../index/incremental.ts';
import { acquireReindexLock, createBuildDir, currentIndexDir, promoteBuild } from '../index/location.ts';
import type { Manifest } from '../index/manifest.ts';
import { appendAudit, type Actor } from '../ingest/audit.ts';
import { findDuplicate } from '../ingest/duplicate.ts';
import type { PreparedArticle } from '../ingest/prepare.ts';
import type { OpenIndex } from './open-index.ts';
import { DEFAULT_HNSW } from './build.ts';
import type { BuildDeps } from './deps.ts';
import type { CorpusChangeSummary } from './dossier.ts';
import type { TimelineEvent } from '../timeline/types.ts';

/** One article to add (prepared from a file or URL) or to remove (by its corpus file name). */
export type CorpusChange = { kind: 'add'; prepared: PreparedArticle } | { kind: 'remove'; source: string };

/**
 * Adds or removes one article: writes (or moves away) its corpus file, embeds only its sentences, inserts or
 * deletes only its vectors, extracts the timeline again from the stored articles, then writes a new index version and
 * swaps it in atomically, as a reindex does. The snapshot in `current` is never modified, so questions keep being
 * answered from it meanwhile. On failure the corpus file is put back as it was and the index is unchanged.
 */
export async function changeCorpus(
  deps: BuildDeps,
  current: OpenIndex,
  change: CorpusChange,
  actor: Actor,
): Promise<OpenIndex & { summary: CorpusChangeSummary }> {
  const startedAt = Date.now();
  const { config, embeddings } = deps;
  const checkpoint = deps.checkpoint ?? (() => {});
  const lock = await acquireReindexLock(config.dataDir);
  let undo: (() => Promise<unknown>) | undefined;
  let buildDir: string | undefined;
  try {
    await checkpoint('locked');
    if ((await currentIndexDir(config.dataDir).catch(() => undefined)) !== current.artifact.dir) {
      throw new IndexError('Another process changed the index meanwhile; run the command again.', 'stale');
    }
    const artifact = current.artifact;
    let add: ArticleRows | undefined;
    let removed: StoredArticle | undefined;
    if (change.kind === 'add') {
      const { prepared } = change;
      refuseDuplicate(prepared, artifact.articles.values());
      const path = join(config.corpusDir, prepared.source);
      if (await stat(path).then(() => true, () => false)) throw new UserError(`The corpus already has a file named ${prepared.source}.`, 'DUPLICATE');
      add = await articleRows(deps, prepared.article);
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, prepared.content);
      undo = () => rm(path, { force: true });
    } else {
      removed = artifact.articles.get(change.source);
      if (!removed) throw new UserError(`No article named ${change.source} in the corpus; /corpus list shows their names.`, 'UNKNOWN_ARTICLE');
      if (artifact.articles.size === 1) throw new UserError(`${change.source} is the only article; the corpus cannot be left empty.`, 'LAST_ARTICLE');
      undo = await moveAway(config.corpusDir, config.dataDir, change.source);
    }
    await checkpoint('corpus-written');
    const rows = changeRows(artifact, { add, remove: removed?.source });
    const dense = await changeDense(artifact, { add, remove: removed?.source }, embeddings, deps.hnsw ?? DEFAULT_HNSW);
    await checkpoint('vectors');
    const events = changeTimeline(deps, rows.articles);
    await checkpoint('timeline');
    const files = { ...artifact.manifest.files };
    if (add) files[add.article.source] = add.article.hash;
    if (removed) delete files[removed.source];
    const manifest: Manifest = {
      ...artifact.manifest,
      files,
      counts: { articles: rows.articles.length, chunks: rows.chunks.length, sentences: rows.sentenceVectors.length / artifact.manifest.model.dimensions, events: events.length },
      ...(dense.deleted > 0 ? { deletedVectors: dense.deleted } : {}),
      builtAt: new Date().toISOString(),
      buildMs: Date.now() - startedAt,
    };
    buildDir = await createBuildDir(config.dataDir);
    await deps.timeline.save(buildDir, events);
    await saveIndex(buildDir, { manifest, articles: rows.articles, chunks: rows.chunks, sentenceVectors: rows.sentenceVectors, dense: { store: dense.store } }, embeddings, deps.hnsw ?? DEFAULT_HNSW, checkpoint);
    await checkpoint('built');
    await lock.assertHeld();
    const dir = await promoteBuild(config.dataDir, buildDir, checkpoint);
    buildDir = undefined;
    undo = undefined;
    const article = add?.article ?? removed!;
    const chunks = add ? add.chunks.length : artifact.chunks.filter((chunk) => chunk.source === removed!.source).length;
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
    const changed = add ? { from: rows.chunks.findIndex((chunk) => chunk.source === add!.article.source), removed: 0, added: add.chunks.map((chunk) => chunk.text) } : { from: artifact.chunks.findIndex((chunk) => chunk.source === removed!.source), removed: chunks, added: [] };
    const lexical = changed.from >= 0 ? artifact.lexical.withChange(changed.from, changed.removed, changed.added) : undefined;
    const next = assembleArtifact(dir, manifest, rows.articles, rows.chunks, rows.sentenceVectors, dense.store, lexical);
    const summary: CorpusChangeSummary = { action: change.kind, source: article.source, title: article.meta.title, chunks, totalChunks: rows.chunks.length, embedded: add?.sentenceVectors.length ?? 0, events: events.length, ms: Date.now() - startedAt };
    return { artifact: next, events, summary };
  } finally {
    if (buildDir) await rm(buildDir, { recursive: true, force: true }).catch(() => {});
    if (undo) await undo().catch(() => {});
    await lock.release();
  }
}

/** @throws UserError naming the article that already holds the same text. */
export function refuseDuplicate(prepared: PreparedArticle, existing: Iterable<StoredArticle>): void {
  const list = [...existing];
  const sameText = findDuplicate(prepared.article.sentences, list);
  const same = list.find((article) => article.hash === prepared.hash) ?? list.find((article) => article.source === sameText);
  if (same) {
    const title = same.meta.title ? ` (“${same.meta.title}”)` : '';
    throw new UserError(`This article is already in the corpus as ${same.source}${title}; nothing was added.`, 'DUPLICATE');
  }
}

/** Embeds one article's sentences (and nothing else) and chunks it. */
async function articleRows(deps: BuildDeps, article: Article): Promise<ArticleRows> {
  const chunks = await chunkArticle(article, deps.config.chunking);
  const embed = deps.embed ?? ((texts, onBatch) => embedInBatches(deps.embeddings, texts, onBatch));
  const sentenceVectors = await embed(article.sentences.map((sentence) => sentence.text), () => {});
  const chunkVectors = chunkVectorsFromSentences(sentencesOfChunks([article], chunks), sentenceVectors, deps.embeddings.dimensions);
  const { source, hash, meta, text, sentences } = article;
  return { article: { source, hash, meta, text, sentences }, chunks, chunkVectors, sentenceVectors };
}

/**
 * The timeline after the change, extracted from the stored articles (nothing is re-read from disk or re-embedded).
 * Extraction is corpus-wide (names, datelines' years and undated articles are resolved across articles), so it is
 * redone for every article; the result equals a full rebuild's.
 */
function changeTimeline(deps: BuildDeps, articles: StoredArticle[]): TimelineEvent[] {
  // Stored articles carry everything extraction reads (source, text, meta, sentences).
  return deps.timeline.extract(articles as unknown as Article[]);
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
