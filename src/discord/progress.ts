import type { ReindexProgress, ReindexSummary } from '../core/dossier.ts';
import { plain } from './markdown.ts';
import { truncate } from './limits.ts';

const PHASES: Record<ReindexProgress['phase'], string> = {
  scanning: 'Scanning the corpus',
  embedding: 'Embedding chunks',
  timeline: 'Extracting timeline events',
  writing: 'Writing the new index',
  swapping: 'Switching to the new index',
  done: 'Done',
};

/** A text bar such as `▰▰▰▰▱▱▱▱▱▱ 40%`. */
export function progressBar(fraction: number, width = 20): string {
  const clamped = Number.isFinite(fraction) ? Math.min(Math.max(fraction, 0), 1) : 0;
  const filled = Math.round(clamped * width);
  return `${'▰'.repeat(filled)}${'▱'.repeat(width - filled)} ${Math.round(clamped * 100)}%`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Where a running reindex is: phase, a bar, files, chunks embedded and time so far. */
export function reindexProgressText(progress: ReindexProgress, now = Date.now()): string {
  const fraction = progress.chunksTotal > 0 ? progress.chunksEmbedded / progress.chunksTotal : progress.phase === 'done' ? 1 : 0;
  return [
    `**Reindexing…** ${PHASES[progress.phase]}`,
    `\`${progressBar(fraction)}\``,
    `${progress.filesTotal} files · ${progress.chunksEmbedded}/${progress.chunksTotal} chunks embedded · ${seconds(now - progress.startedAt)}`,
  ].join('\n');
}

/** What a finished reindex changed, for moderators. */
export function reindexSummaryText(summary: ReindexSummary): string {
  const list = (files: string[]) => (files.length ? `: ${truncate(files.map((f) => `\`${f}\``).join(', '), 300)}` : '');
  const lines = [
    summary.rebuilt
      ? `**Reindex finished** in ${seconds(summary.ms)}.`
      : `**The index was already up to date** (checked in ${seconds(summary.ms)}).`,
    `Added ${summary.added.length}${list(summary.added)}`,
    `Changed ${summary.changed.length}${list(summary.changed)}`,
    `Removed ${summary.removed.length}${list(summary.removed)}`,
    `Unchanged ${summary.unchanged} · ${summary.chunks} chunks · ${summary.events} timeline events`,
  ];
  if (summary.skipped.length) {
    const skipped = summary.skipped.slice(0, 5).map((s) => `\`${s.source}\` (${plain(truncate(s.reason, 80))})`);
    const more = summary.skipped.length > 5 ? ` and ${summary.skipped.length - 5} more` : '';
    lines.push(`Skipped ${summary.skipped.length}: ${skipped.join(', ')}${more}`);
  }
  return lines.join('\n');
}
