import type { Dossier } from '../core/dossier.ts';
import type { CliOut } from './confirm.ts';

/** `dossier list [--json]`: every article with id (its corpus file name), title, outlet, date and chunk count. */
export function runList(dossier: Dossier, options: { json: boolean }, out: Pick<CliOut, 'print'>): number {
  const rows = dossier.sources().map(({ source, title, outlet, author, date, url, chunks }) => ({
    id: source,
    title: title ?? null,
    outlet: outlet ?? null,
    author: author ?? null,
    date: date ?? null,
    url: url ?? null,
    chunks,
  }));
  if (options.json) out.print(JSON.stringify(rows, null, 2));
  else
    for (const row of rows)
      out.print(`${row.id}\n  ${[row.title, row.outlet, row.date].filter(Boolean).join(' · ') || '(no metadata)'} · ${row.chunks} chunks`);
  return 0;
}
