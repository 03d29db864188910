import { loadCalibration } from '../../src/answer/calibration.ts';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.ts';
import { type Dossier } from '../../src/core/dossier.ts';
import { createDossier } from '../../src/core/facade.ts';
import { type TimelineModule } from '../../src/core/deps.ts';
import { createWorkerEmbedder } from '../../src/index/embed-worker.ts';
import { loadEmbeddings } from '../../src/index/embeddings/load.ts';
import type { LocalEmbeddings } from '../../src/index/embeddings/types.ts';
import { timelineModule } from '../../src/core/open-dossier.ts';

/** The repository root: children run from it, the real corpus and the dev questions live under it. */
export const ROOT = new URL('../../', import.meta.url).pathname;

/** The development questions, as asked. */
export const DEV_QUESTIONS: string[] = (JSON.parse(readFileSync(join(ROOT, 'eval/dev_qa.json'), 'utf8')) as { question: string }[]).map(
  (q) => q.question,
);

/** Questions of the train set, in its order: asked once each where the development questions are asked again. */
export const UNSEEN_QUESTIONS: string[] = (
  JSON.parse(readFileSync(join(ROOT, 'eval/train_qa.json'), 'utf8')) as { question: string }[]
).map((q) => q.question);

/** A temporary folder under the OS temp dir; the benchmark never touches the repository's data/. */
export const tempDir = (name: string) => mkdtemp(join(tmpdir(), `dossier-bench-${name}-`));

/** The encoders a benchmark can run with (`--encoder`); bench.ts hands its choice to the children in the environment. */
export const BENCH_ENCODERS = ['use-lite', 'transformers'] as const;
export type BenchEncoder = (typeof BENCH_ENCODERS)[number];
export const BENCH_ENCODER_VARIABLE = 'DOSSIER_BENCH_ENCODER';

/**
 * Settings for a benchmark run: the packaged offline encoder unless bench.ts chose `transformers` (then
 * EMBEDDING_MODEL from MODELS_DIR, never downloaded), no LLM, nothing read from .env.
 */
export function benchConfig(dataDir: string, corpusDir = join(ROOT, 'corpus')): Config {
  const encoder = process.env[BENCH_ENCODER_VARIABLE] ?? 'use-lite';
  const model =
    encoder === 'transformers'
      ? { MODELS_DIR: process.env.MODELS_DIR ?? 'models', EMBEDDING_MODEL: process.env.EMBEDDING_MODEL, ALLOW_REMOTE_MODELS: 'false' }
      : {};
  return loadConfig(
    { DATA_DIR: dataDir, CORPUS_DIR: corpusDir, EMBEDDINGS: encoder, LLM_PROVIDER: 'none', MAX_FILE_BYTES: '20000000', ...model },
    ROOT,
  );
}

/** A dossier as `openDossier` wires it, with the choice of in-process or worker embedding and of the timeline stage. */
export async function openBenchDossier(
  config: Config,
  options: {
    worker: boolean;
    timeline?: TimelineModule;
    embed?: (texts: string[], onBatch: (done: number) => void) => Promise<number[][]>;
  },
): Promise<{ dossier: Dossier; embeddings: LocalEmbeddings; close(): Promise<void> }> {
  const embeddings = await loadEmbeddings(config.embeddings, () => {});
  const worker = options.worker ? createWorkerEmbedder(config.embeddings, { modelId: embeddings.modelId }) : undefined;
  const dossier = await createDossier({
    config,
    embeddings,
    calibration: loadCalibration(embeddings.modelId),
    embed: options.embed ?? worker,
    timeline: options.timeline ?? timelineModule,
    warn: (m) => console.error(`warning: ${m}`),
  });
  return {
    dossier,
    embeddings,
    close: async () => {
      await dossier.close();
      await worker?.close();
    },
  };
}
