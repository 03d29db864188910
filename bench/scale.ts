// `npm run bench -- --scale [--keep] [--heap-mb N]`: only the 100,000-chunk steps, against the targets of a small
// machine. Builds the synthetic index in one process, serves it from another, starts a cold CLI-like process on it
// (compiled, as `npm start` runs it, and from the sources through tsx),
// and times the index-time encoder warm; writes bench/results/scale.json.
import { execSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { runChild } from './lib/child.ts';
import type { ColdStartResult, ScaleBuildResult, ScaleServeResult } from './lib/results.ts';
import { ROOT, tempDir } from './lib/setup.ts';
import type { BlockingFigures } from './lib/stats.ts';

const CHUNKS = 100_000;
const WARM_SENTENCES = 512;

interface WarmEmbedding {
  workers: number;
  texts: number;
  startUpMs: number;
  warmMs: number;
  perSWarm: number;
}

/** Runs the scale steps and writes `file`; returns the flat figures. */
export async function runScale(options: {
  keep: boolean;
  heapMb?: number;
  file?: string;
  step: (message: string) => void;
}): Promise<Record<string, unknown>> {
  const load = () => loadavg().map((value) => Math.round(value * 100) / 100);
  const loadStart = load();
  const startedAt = new Date().toISOString();
  const realData = await tempDir('scale-real');
  const root = await tempDir('scale-100k');
  try {
    options.step('real corpus index (the pool of real sentence vectors)');
    await runChild<ColdStartResult>('cold-start.ts', { dataDir: realData });
    options.step(`build of ${CHUNKS.toLocaleString('en-US')} chunks`);
    const corpusDir = join(root, 'corpus');
    const dataDir = join(root, 'data');
    const building = runChild<ScaleBuildResult>(
      'scale-build.ts',
      { poolDataDir: realData, corpusDir, dataDir, chunks: CHUNKS, timelineSample: 0 },
      { heapMb: options.heapMb },
    );
    // The same stall measure in a process doing nothing, over the same minutes: what the machine's load alone causes.
    const idle = runChild<{ p99: number; max: number; blocking: BlockingFigures }>('idle-loop.ts', {}, { stopWhen: building });
    const build = await building;
    const idleLoop = await idle;
    options.step('serving');
    const serve = await runChild<
      Pick<ScaleServeResult, 'chunks' | 'sentences' | 'loadMs' | 'rssMb' | 'ask' | 'askUnseen'> & {
        servePeakRssMb: number;
        serveSettledRssMb: number;
      }
    >(
      'scale-serve.ts',
      { dataDir, rounds: 3, syntheticQueries: 0, efs: [], insertion: false, servingOnly: true },
      { nodeFlags: ['--expose-gc'] },
    );
    // The bot runs the compiled dist/ when it is current (bin/launch.js): compiled now, so that it is this commit's code.
    options.step('compiling dist/ (npm run build)');
    execSync('node scripts/build.mjs', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    options.step('cold process to its first answer, compiled (as npm start runs it)');
    const cold = await runChild<ColdStartResult>('cold-start-compiled.mjs', { dataDir, corpusDir }, { typescript: false });
    options.step('cold process to its first answer, from the sources through tsx');
    const coldFromSource = await runChild<ColdStartResult>('cold-start.ts', { dataDir, corpusDir });
    options.step('index-time encoder, warm');
    const warm: WarmEmbedding[] = [];
    for (const workers of cpus().length >= 2 ? [1, 2] : [1])
      warm.push(await runChild<WarmEmbedding>('embed-warm.ts', { sentences: WARM_SENTENCES, workers }));
    const best = warm.reduce((a, b) => (b.perSWarm > a.perSWarm ? b : a));
    const results = {
      commit: execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim(),
      startedAt,
      loadAverage: { start: loadStart, end: load() },
      cpus: cpus().length,
      chunks: build.chunks,
      sentences: serve.sentences,
      serve_peak_rss_mb: serve.servePeakRssMb,
      serve_settled_rss_mb: serve.serveSettledRssMb,
      load_ms: serve.loadMs,
      first_answer_ms: cold.firstAnswerMs,
      first_answer_phases_ms: cold.phases,
      first_answer_peak_rss_mb: cold.peakRssMb,
      first_answer_from_source_ms: coldFromSource.firstAnswerMs,
      first_answer_from_source_phases_ms: coldFromSource.phases,
      ask_p50_ms: serve.ask.total.p50,
      ask_p95_ms: serve.ask.total.p95,
      // The development questions above are asked again and again (their sentences' analysis is cached); these not.
      ask_unseen_p50_ms: serve.askUnseen.total.p50,
      ask_unseen_p95_ms: serve.askUnseen.total.p95,
      ask_unseen_cpu_p50_ms: serve.askUnseen.cpu.p50,
      ask_unseen_parts_p50_ms: {
        embed: serve.askUnseen.embed.p50,
        retrieve: serve.askUnseen.retrieve.p50,
        compose: serve.askUnseen.compose.p50,
      },
      build_ms: build.buildMs,
      build_peak_rss_mb: build.peakBuildRssMb,
      build_heap_limit_mb: build.heapLimitMb,
      build_max_stall_ms: build.loopDelay.max,
      build_worst_stall: build.loopDelay.worst,
      // Time the build's main loop was itself busy between two 10 ms ticks: its own blocking, whatever the machine does.
      build_max_blocking_ms: build.loopDelay.blocking.max,
      build_blocking_p99_ms: build.loopDelay.blocking.p99,
      idle_process_stall_during_build_ms: { p99: idleLoop.p99, max: idleLoop.max },
      idle_process_blocking_during_build_ms: idleLoop.blocking,
      disk_mb: build.diskMb,
      embed_sentences_per_s_warm: best.perSWarm,
      embed_workers: best.workers,
      embed_start_up_ms: best.startUpMs,
      embed_by_workers: warm,
      // A real corpus of this size, embedded at the warm rate (the synthetic build takes its vectors from the pool).
      embed_real_corpus_estimate_min: Math.round(serve.sentences / best.perSWarm / 60),
      build,
      serve,
    };
    const file = options.file ?? join(ROOT, 'bench/results/scale.json');
    // bench/results/ is not in the repository (.gitignore): a fresh clone has none.
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
    options.step(`written to ${file}`);
    return results;
  } finally {
    if (!options.keep) await Promise.all([realData, root].map((dir) => rm(dir, { recursive: true, force: true })));
  }
}
