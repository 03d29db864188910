import { z } from 'zod';
import { TOKENIZER_VERSION } from '../text/terms.ts';

// Format 2: records in SQLite, vectors and postings in binary files (format 1 was JSON files, parsed whole).
export const MANIFEST_VERSION = 2 as const;

const manifestSchema = z.object({
  version: z.literal(MANIFEST_VERSION),
  model: z.object({ id: z.string().min(1), dimensions: z.number().int().positive() }),
  chunking: z.object({ size: z.number().int().positive(), overlap: z.number().int().nonnegative() }),
  /** The tokenizer the lexical index and the timeline's term matching were built with; absent before it was recorded. */
  tokenizer: z.string().min(1).optional(),
  /** Content hash per corpus file indexed. */
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  /**
   * Per corpus file, its size, times and inode when it was hashed (see `FileStamp`): a staleness check reads only
   * the files whose stamp differs. Absent in older manifests and for files changed just before they were read.
   */
  stamps: z.record(z.string(), z.object({ size: z.number(), mtimeMs: z.number(), ctimeMs: z.number(), ino: z.number() })).optional(),
  skipped: z.array(z.object({ source: z.string(), reason: z.string() })),
  counts: z.object({
    articles: z.number().int().nonnegative(),
    chunks: z.number().int().nonnegative(),
    sentences: z.number().int().nonnegative(),
    events: z.number().int().nonnegative(),
  }),
  /** HNSW points marked deleted by incremental removals (still counted by hnswlib, never returned). */
  deletedVectors: z.number().int().nonnegative().optional(),
  builtAt: z.string(),
  buildMs: z.number().nonnegative(),
});

/** What an index was built from and with: enough to tell whether it is stale. */
export type Manifest = z.infer<typeof manifestSchema>;

/** Validates a parsed manifest.json; returns the problem as text when it is not one. */
export function parseManifest(value: unknown): Manifest | string {
  const parsed = manifestSchema.safeParse(value);
  return parsed.success ? parsed.data : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
}

/** How the corpus on disk differs from what an index was built from. */
export interface CorpusDiff {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
}

/** Compares indexed file hashes with the corpus's current ones. */
export function diffCorpus(indexed: Record<string, string>, current: { source: string; hash: string }[]): CorpusDiff {
  const now = new Map(current.map((file) => [file.source, file.hash]));
  const added = [...now.keys()].filter((source) => !(source in indexed));
  const changed = [...now.entries()].filter(([source, hash]) => source in indexed && indexed[source] !== hash).map(([source]) => source);
  const removed = Object.keys(indexed).filter((source) => !now.has(source));
  return { added, changed, removed, unchanged: now.size - added.length - changed.length };
}

/** True when a manifest no longer matches the corpus, the model, the chunking or the tokenizer. */
export function isStale(manifest: Manifest, diff: CorpusDiff, modelId: string, chunking: Manifest['chunking']): boolean {
  return (
    diff.added.length + diff.changed.length + diff.removed.length > 0 ||
    manifest.model.id !== modelId ||
    manifest.chunking.size !== chunking.size ||
    manifest.chunking.overlap !== chunking.overlap ||
    manifest.tokenizer !== TOKENIZER_VERSION
  );
}
