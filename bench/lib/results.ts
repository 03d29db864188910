import type { BlockingFigures, DelayFigures, Summary } from './stats.ts';

// What each bench/children script reports (see there for how it is measured).

export interface ColdStartResult {
  firstAnswerMs: number;
  /** Process start to entering the script: `nodeAndTsx` from the sources, `node` compiled (cold-start-compiled.mjs). */
  phases: { nodeAndTsx?: number; node?: number; imports: number; openIndex: number; firstAsk: number };
  built: boolean;
  chunks: number;
  peakRssMb: number;
  wallMs: number;
}

export interface LoopDelayResult extends DelayFigures {
  phases: Record<string, DelayFigures>;
  worst: { ms: number; phase: string; at: number; busyMs: number };
  blocking: BlockingFigures;
}

export interface ReindexResult {
  worker: boolean;
  chunks: number;
  texts: number;
  reindexMs: number;
  phasesMs: { scan: number; embed: number; timeline: number; write: number };
  chunksPerS: number;
  textsPerS: number;
  loopDelay: LoopDelayResult;
  withAsks?: { ms: number; asks: Summary; loopDelay: LoopDelayResult };
  peakRssMb: number;
}

export interface AskParts {
  embed: Summary;
  retrieve: Summary;
  compose: Summary;
  total: Summary;
}

export interface AnsweringResult {
  chunks: number;
  ask: AskParts;
  search: Summary;
  embedQuery: Summary;
  timeline: Summary;
  concurrent: { callers: number; questions: number; perSecond: number; latency: Summary }[];
  peakRssMb: number;
}

export interface EmbeddingResult {
  meanChars: number;
  results: { label: string; batch: number; sorted?: boolean; workers?: number; simd: boolean; texts: number; ms: number; perS: number }[];
}

export interface ScaleBuildResult {
  target: number;
  articles: number;
  chunks: number;
  poolSentences: number;
  undecomposedTexts: number;
  buildMs: number;
  phasesMs: { scanAndChunk: number; poolVectors: number; writeAndInsert: number };
  loopDelay: LoopDelayResult;
  peakBuildRssMb: number;
  heapLimitMb: number;
  diskMb: number;
  diskFilesMb: Record<string, number>;
  timelineMsPerArticle?: number;
}

export interface ScaleServeResult {
  chunks: number;
  sentences: number;
  loadMs: number;
  rssMb: { model: number; loaded: number; serving: number; indexShare: number };
  ask: AskParts;
  /** Questions not asked before in the process (no per-sentence analysis cached yet), each once. */
  askUnseen: AskParts & { cpu: Summary };
  rankings: { lexical: Summary; dense: Summary };
  queries: number;
  bruteForce: Summary;
  hnsw: { ef: number; recallAt10: number; recallByScore: number; latency: Summary; speedup: number }[];
  insertion?: { ms: number; perS: number };
}

/** One synthetic size: its build, and serving from it (absent when the build failed, with the reason). */
export interface ScaleResult {
  target: number;
  build?: ScaleBuildResult;
  serve?: ScaleServeResult;
  error?: string;
}

/** Everything one `npm run bench` measured; written as JSON to bench/results/. */
export interface BenchResults {
  quick: boolean;
  /** Which encoder the run used (`--encoder`). */
  encoder: 'use-lite' | 'transformers';
  startedAt: string;
  commit: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; loadAverage: { start: number[]; end: number[] } };
  coldStart: { missing: ColdStartResult; built: ColdStartResult[] };
  answering: AnsweringResult;
  reindex: { inProcess: ReindexResult; worker: ReindexResult };
  embedding: EmbeddingResult & { noSimd: EmbeddingResult['results'] };
  scale: ScaleResult[];
  durationMs: number;
}
