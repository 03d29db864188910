/** How much each run measures: `--quick` fits CI time on a 2-core machine; the full run takes several minutes more. */
export interface Plan {
  coldRuns: number;
  /** Passes over the 20 development questions. */
  rounds: number;
  asksDuringReindex: boolean;
  embedSentences: number;
  embedVariants: { label: string; batch: number; sorted?: boolean; workers?: number }[];
  sizes: number[];
  syntheticQueries: number;
  efs: number[];
  /** Bare HNSW insertion is timed again for sizes up to this (at 100,000 it would add minutes). */
  insertionUpTo: number;
  timelineSample: number;
  /** Heap limit of the synthetic builds, when Node's default should not be used (the JSON index needed 8 GB at 100,000 chunks). */
  buildHeapMb?: number;
}

export const PLANS: Record<'quick' | 'full', Plan> = {
  quick: {
    coldRuns: 1,
    rounds: 1,
    asksDuringReindex: false,
    embedSentences: 32,
    embedVariants: [
      { label: 'batch 1', batch: 1 },
      { label: 'batch 32', batch: 32 },
      { label: 'batch 32, sorted by length', batch: 32, sorted: true },
    ],
    sizes: [1_000],
    syntheticQueries: 40,
    efs: [16, 64, 128],
    insertionUpTo: 10_000,
    timelineSample: 50,
  },
  full: {
    coldRuns: 3,
    rounds: 3,
    asksDuringReindex: true,
    embedSentences: 134,
    embedVariants: [
      { label: 'batch 1', batch: 1 },
      { label: 'batch 8', batch: 8 },
      { label: 'batch 32', batch: 32 },
      { label: 'batch 64', batch: 64 },
      { label: 'batch 32, sorted by length', batch: 32, sorted: true },
      { label: 'batch 32, 2 worker threads', batch: 32, workers: 2 },
    ],
    sizes: [1_000, 10_000, 100_000],
    syntheticQueries: 100,
    efs: [16, 64, 128, 256],
    insertionUpTo: 10_000,
    timelineSample: 200,
  },
};
