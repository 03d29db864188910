// A report as merging receives it, for the merge tests: its precision read off the date's length, its quote the
// clause, and each report at its own offset so that ids and quote positions never collide.
import type { MergeInput } from '../../src/timeline/merge.ts';

let offset = 0;

export function mergeReport(
  source: string,
  date: string,
  clause: string,
  extra: Partial<MergeInput> = {},
): MergeInput & { clause: string } {
  const precision = date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
  const start = (offset += 100);
  return {
    id: `${source}#${start}`,
    date,
    precision,
    approximate: false,
    summary: clause,
    kind: 'occurred',
    people: [],
    places: [],
    sources: [{ source, quote: `${clause}.`, start, end: start + clause.length + 1 }],
    clause,
    ...extra,
  };
}
