import cliProgress from 'cli-progress';
import type { ReindexProgress } from './dossier.ts';

/** A terminal progress bar for index builds, on stderr so stdout stays clean for JSON output. */
export function createProgressBar(): { update(progress: ReindexProgress): void; stop(): void } {
  const bar = new cliProgress.SingleBar(
    { format: 'Indexing {phase} |{bar}| {value}/{total} chunks embedded · {files} files', stream: process.stderr, hideCursor: true, noTTYOutput: true, notTTYSchedule: 1000 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(progress) {
      if (!started && progress.phase === 'embedding') {
        bar.start(progress.chunksTotal, 0, { phase: progress.phase, files: progress.filesTotal });
        started = true;
      }
      if (started) bar.update(progress.chunksEmbedded, { phase: progress.phase, files: progress.filesTotal });
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
