import type { ImageEvent } from '../../src/timeline-image/types.ts';

/** Events made up for the picture tests (not taken from a corpus): every precision, a same-day pair, an estimate. */
export const EVENTS: ImageEvent[] = [
  { date: '1951', precision: 'year', summary: 'Harbour company founded', sources: [{ source: 'a.txt' }] },
  { date: '2003-02', precision: 'month', summary: 'Mill closes its doors', sources: [{ source: 'b.txt' }] },
  { date: '2003-02-14', precision: 'day', summary: 'Union calls a strike', sources: [{ source: 'b.txt' }, { source: 'c.txt' }] },
  { date: '2003-02-14', precision: 'day', summary: 'Mayor meets the workers', sources: [{ source: 'c.txt' }] },
  { date: '2004', precision: 'year', approximate: true, summary: 'Inquiry opens', sources: [{ source: 'a.txt' }] },
  { date: '2019-07-01', precision: 'day', summary: 'Court rules for the town', sources: [{ source: 'd.txt' }] },
];
