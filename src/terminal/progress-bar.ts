import type { ReindexProgress } from '../core/dossier.ts';

/** Shows an index build's progress; on stderr so stdout stays clean for JSON output. */
export interface ProgressDisplay {
  update(progress: ReindexProgress): void;
  /** Clears the bar's line so that a warning printed next starts on a line of its own. */
  interrupt(): void;
  stop(): void;
}

// Embedding is the long phase: piped output gets a line at each quarter of it, besides one per phase.
const PLAIN_STEPS = 4;
const PLAIN_PHASES = new Set<ReindexProgress['phase']>(['embedding', 'timeline', 'done']);

/**
 * One redrawn bar (cli-progress) on a terminal; piped, a few plain lines instead (one per phase, and one per quarter
 * of the embedding), since a redrawn bar turns into dozens of repeated lines in a log file.
 */
export function createProgressBar(stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr): ProgressDisplay {
  return stream.isTTY ? terminalBar(stream) : plainLines(stream);
}

function plainLines(stream: NodeJS.WritableStream): ProgressDisplay {
  let phase = '';
  let step = 0;
  return {
    update(progress) {
      const ratio = progress.chunksTotal > 0 ? progress.chunksEmbedded / progress.chunksTotal : 0;
      const reached = Math.floor(ratio * PLAIN_STEPS);
      // Scanning, writing and swapping take moments; their lines would only repeat the counts.
      if (!PLAIN_PHASES.has(progress.phase)) return;
      if (progress.phase === phase && !(progress.phase === 'embedding' && reached > step)) return;
      if (progress.phase !== phase) step = 0;
      phase = progress.phase;
      step = progress.phase === 'embedding' ? reached : 0;
      stream.write(
        `Indexing: ${progress.phase} (${progress.filesTotal} files, ${progress.chunksEmbedded}/${progress.chunksTotal} chunks embedded)\n`,
      );
    },
    interrupt() {},
    stop() {
      phase = '';
    },
  };
}

function terminalBar(stream: NodeJS.WritableStream): ProgressDisplay {
  // Loaded on first use: cli-progress is only needed when an index is built.
  let bar: import('cli-progress').SingleBar | undefined;
  let loading: Promise<void> | undefined;
  let latest: ReindexProgress | undefined;
  const draw = () => {
    if (!bar || !latest || latest.phase === 'scanning') return;
    if (!bar.isActive) bar.start(latest.chunksTotal, 0, { phase: latest.phase, files: latest.filesTotal });
    bar.setTotal(latest.chunksTotal);
    bar.update(latest.chunksEmbedded, { phase: latest.phase, files: latest.filesTotal });
  };
  return {
    update(progress) {
      latest = progress;
      loading ??= import('cli-progress').then(({ default: cliProgress }) => {
        bar = new cliProgress.SingleBar(
          {
            format: 'Indexing {phase} |{bar}| {value}/{total} chunks embedded · {files} files',
            stream,
            hideCursor: true,
            clearOnComplete: false,
          },
          cliProgress.Presets.shades_classic,
        );
      });
      if (bar) draw();
      else void loading.then(draw);
    },
    interrupt() {
      if (bar?.isActive) stream.write('\r\x1b[K');
    },
    stop() {
      if (bar?.isActive) bar.stop();
      latest = undefined;
    },
  };
}
