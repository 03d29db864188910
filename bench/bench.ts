// `npm run bench [-- --quick | --scale] [--keep] [--encoder use-lite|transformers] [--out FILE]`: measures cold start,
// indexing, answering, embedding options and scale (synthetic corpora up to 100,000 chunks), prints the tables and
// writes them as JSON to bench/results/ (or FILE). `--encoder transformers` loads EMBEDDING_MODEL from MODELS_DIR.
import { execSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { runChild } from './lib/child.ts';
import type {
  AnsweringResult,
  BenchResults,
  ColdStartResult,
  EmbeddingResult,
  ReindexResult,
  ScaleBuildResult,
  ScaleResult,
  ScaleServeResult,
} from './lib/results.ts';
import { BENCH_ENCODER_VARIABLE, BENCH_ENCODERS, type BenchEncoder, ROOT, tempDir } from './lib/setup.ts';
import { renderTables } from './lib/table.ts';
import { PLANS } from './plan.ts';
import { runScale } from './scale.ts';

const quick = process.argv.includes('--quick');
const option = (name: string) => {
  const at = process.argv.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  return at < 0 ? undefined : process.argv[at]!.includes('=') ? process.argv[at]!.slice(name.length + 1) : process.argv[at + 1];
};
const encoder = (option('--encoder') ?? 'use-lite') as BenchEncoder;
if (!BENCH_ENCODERS.includes(encoder)) throw new Error(`--encoder must be one of ${BENCH_ENCODERS.join(', ')} (got "${encoder}")`);
// The children read it in benchConfig; they inherit this process's environment.
process.env[BENCH_ENCODER_VARIABLE] = encoder;
const plan = PLANS[quick ? 'quick' : 'full'];
const started = performance.now();
const startedAt = new Date().toISOString();
const loadStart = loadavg().map((value) => Math.round(value * 100) / 100);
const temp: string[] = [];
const step = (message: string) => console.error(`bench: ${message} (${Math.round((performance.now() - started) / 1000)} s)`);

async function main(): Promise<void> {
  if (process.argv.includes('--scale')) {
    const heap = option('--heap-mb');
    const figures = await runScale({
      keep: process.argv.includes('--keep'),
      heapMb: heap ? Number(heap) : undefined,
      file: option('--out'),
      step,
    });
    console.log(JSON.stringify(Object.fromEntries(Object.entries(figures).filter(([key]) => key !== 'build' && key !== 'serve')), null, 2));
    return;
  }
  const realData = await tempDir('real');
  temp.push(realData);
  step('cold start with the index missing (builds the real corpus)');
  const missing = await runChild<ColdStartResult>('cold-start.ts', { dataDir: realData });
  step('cold start with the index built');
  const built: ColdStartResult[] = [];
  for (let i = 0; i < plan.coldRuns; i++) built.push(await runChild<ColdStartResult>('cold-start.ts', { dataDir: realData }));
  step('warm answering');
  const answering = await runChild<AnsweringResult>('answering.ts', { dataDir: realData, rounds: plan.rounds, concurrency: [1, 4, 16] });
  step('reindex, embedding in-process');
  const inProcess = await runChild<ReindexResult>('reindex.ts', { dataDir: realData, worker: false, withAsks: plan.asksDuringReindex });
  step('reindex, embedding in the worker thread');
  const worker = await runChild<ReindexResult>('reindex.ts', { dataDir: realData, worker: true, withAsks: plan.asksDuringReindex });
  step('embedding options');
  const embedding = await runChild<EmbeddingResult>('embedding.ts', { sentences: plan.embedSentences, variants: plan.embedVariants });
  // The plain-WebAssembly variant only concerns the packaged encoder (tfjs); transformers.js runs onnxruntime.
  const noSimd =
    encoder === 'use-lite'
      ? await runChild<EmbeddingResult>('embedding.ts', {
          simd: false,
          sentences: plan.embedSentences,
          variants: [{ label: 'no SIMD', batch: 32 }],
        })
      : { results: [] };
  const scale: ScaleResult[] = [];
  for (const target of plan.sizes) {
    step(`scale: ${target.toLocaleString('en-US')} chunks`);
    scale.push(await scaleRun(realData, target));
  }
  const results: BenchResults = {
    quick,
    encoder,
    startedAt,
    commit: execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '?',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: { start: loadStart, end: loadavg().map((value) => Math.round(value * 100) / 100) },
    },
    coldStart: { missing, built },
    answering,
    reindex: { inProcess, worker },
    embedding: { ...embedding, noSimd: noSimd.results },
    scale,
    durationMs: Math.round(performance.now() - started),
  };
  const file =
    option('--out') ?? join(ROOT, 'bench/results', `bench-${quick ? 'quick-' : ''}${encoder}-${startedAt.replace(/[:.]/g, '-')}.json`);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(results, null, 2));
  console.log(renderTables(results));
  console.log(`\nWritten to ${file}`);
}

/** Builds one synthetic size in one process and serves it from another, so that each one's memory is its own. */
async function scaleRun(realData: string, target: number): Promise<ScaleResult> {
  const root = await tempDir(`scale-${target}`);
  temp.push(root);
  try {
    const build = await runChild<ScaleBuildResult>(
      'scale-build.ts',
      {
        poolDataDir: realData,
        corpusDir: join(root, 'corpus'),
        dataDir: join(root, 'data'),
        chunks: target,
        timelineSample: plan.timelineSample,
      },
      { heapMb: plan.buildHeapMb },
    );
    const serve = await runChild<ScaleServeResult>('scale-serve.ts', {
      dataDir: join(root, 'data'),
      rounds: plan.rounds,
      syntheticQueries: plan.syntheticQueries,
      efs: plan.efs,
      insertion: target <= plan.insertionUpTo,
    });
    return { target, build, serve };
  } catch (error) {
    return { target, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  } finally {
    // The synthetic corpora and indexes take up to a few GB.
    if (!process.argv.includes('--keep')) await rm(root, { recursive: true, force: true });
  }
}

main()
  .catch((error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    if (!process.argv.includes('--keep')) await Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true })));
  });
