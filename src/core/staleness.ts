// The one answer to "does this index still match the corpus, the encoder and the settings?".
import { scanCorpus } from '../corpus/load.ts';
import { diffCorpus, isStale, type CorpusDiff, type Manifest } from '../index/manifest.ts';
import { TOKENIZER_VERSION } from '../text/terms.ts';
import type { BuildDeps } from './deps.ts';

export interface Staleness {
  scan: Awaited<ReturnType<typeof scanCorpus>>;
  diff: CorpusDiff;
  /** Why the index must be rebuilt, in words for the start-up log; undefined when it is current. */
  reason: string | undefined;
}

/** Scans the corpus and compares it, the encoder and the chunking with what `manifest` was built from. */
export async function checkStaleness(deps: Pick<BuildDeps, 'config' | 'embeddings'>, manifest: Manifest): Promise<Staleness> {
  const { config, embeddings } = deps;
  const scan = await scanCorpus(config.corpusDir, {
    maxFileBytes: config.maxFileBytes,
    indexed: manifest.files,
    stamps: manifest.stamps,
  });
  const diff = diffCorpus(manifest.files, scan.files);
  if (!isStale(manifest, diff, embeddings.modelId, config.chunking)) return { scan, diff, reason: undefined };
  if (manifest.model.id !== embeddings.modelId)
    return { scan, diff, reason: `index built with ${manifest.model.id}, now using ${embeddings.modelId}` };
  const changes = [...diff.added.map((s) => `+${s}`), ...diff.changed.map((s) => `~${s}`), ...diff.removed.map((s) => `-${s}`)];
  if (changes.length > 0) return { scan, diff, reason: `corpus changed (${changes.join(', ')})` };
  if (manifest.tokenizer !== TOKENIZER_VERSION)
    return { scan, diff, reason: `index built with tokenizer ${manifest.tokenizer ?? 'unrecorded'}, now ${TOKENIZER_VERSION}` };
  return { scan, diff, reason: 'index settings changed' };
}
