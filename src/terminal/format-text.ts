import type { Answer } from '../answer/types.ts';
import type { ArticleSummary, IndexInfo, ReindexProgress, ReindexSummary } from '../core/dossier.ts';
import type { TimelineEvent } from '../timeline/types.ts';

/** An answer for a terminal: the text, then its numbered sources with quotes. */
export function formatAnswer(answer: Answer): string {
  const lines = [answer.answer, ''];
  if (answer.note) lines.push(`(${answer.note})`, '');
  if (answer.citations.length > 0) {
    lines.push('Sources:');
    for (const c of answer.citations)
      lines.push(`  [${c.n}] ${c.source} — ${c.title ?? 'untitled'}${c.date ? ` (${c.date})` : ''}`, `      “${c.quote}”`);
  } else if (answer.nearest?.length) {
    lines.push('Closest articles:');
    for (const a of answer.nearest) lines.push(`  ${a.source} — ${a.title ?? 'untitled'}${a.date ? ` (${a.date})` : ''}`);
  }
  return lines.join('\n');
}

/** The corpus's articles, one per line. */
export function formatSources(sources: ArticleSummary[]): string {
  return sources
    .map(
      (s) =>
        `${s.source} — ${s.title ?? 'untitled'}${[s.outlet, s.author, s.date].some(Boolean) ? ` (${[s.outlet, s.author, s.date].filter(Boolean).join(', ')})` : ''} · ${s.chunks} chunks`,
    )
    .join('\n');
}

/** Timeline events chronologically: "2008 — summary [1][2]", then the numbered sources. */
export function formatTimeline(events: TimelineEvent[]): string {
  if (events.length === 0) return 'No dated events match.';
  const sources: string[] = [];
  const number = (source: string) => (sources.includes(source) ? sources.indexOf(source) : sources.push(source) - 1) + 1;
  const lines = events.map((e) => {
    const refs = [...new Set(e.sources.map((s) => number(s.source)))].map((n) => `[${n}]`).join('');
    const flags = [
      e.kind !== 'occurred' ? e.kind : '',
      e.approximate ? 'approximate date' : '',
      e.conflict ? `sources differ: ${e.conflict}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    return `${e.date} — ${e.summary} ${refs}${flags ? ` (${flags})` : ''}`;
  });
  return [...lines, '', 'Sources:', ...sources.map((s, i) => `  [${i + 1}] ${s}`)].join('\n');
}

/** What a reindex changed, in one line. */
export function formatReindexSummary(summary: ReindexSummary): string {
  const skipped = summary.skipped.length ? `; skipped ${summary.skipped.map((s) => `${s.source}: ${s.reason}`).join('; ')}` : '';
  const adopted = summary.adopted ? `${formatIndexSwitch(summary.adopted)} ` : '';
  if (!summary.rebuilt)
    return `${adopted}Index is up to date (${summary.unchanged} files, ${summary.chunks} chunks); nothing to rebuild${skipped}.`;
  const list = (label: string, files: string[]) => (files.length ? `${label} ${files.length} (${files.join(', ')})` : `${label} 0`);
  return `${adopted}Reindexed in ${(summary.ms / 1000).toFixed(1)} s: ${list('added', summary.added)}, ${list('changed', summary.changed)}, ${list('removed', summary.removed)}, ${summary.unchanged} unchanged; ${summary.chunks} chunks, ${summary.events} timeline events${skipped}.`;
}

/** Says that answers now come from an index another process built. */
export function formatIndexSwitch(info: IndexInfo): string {
  return `Switched to the index another process built at ${info.builtAt.replace('T', ' ').slice(0, 19)} UTC (${info.articles} articles, ${info.chunks} chunks, ${info.events} timeline events).`;
}

/** A one-line progress description, e.g. "embedding 120/480 chunks [#####-----] 25%". */
export function formatProgress(progress: ReindexProgress, width = 20): string {
  const ratio = progress.chunksTotal > 0 ? progress.chunksEmbedded / progress.chunksTotal : 0;
  const filled = Math.round(ratio * width);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(ratio * 100)}%`;
  return `${progress.phase}: ${progress.filesTotal} files, ${progress.chunksEmbedded}/${progress.chunksTotal} chunks embedded ${bar}`;
}
