import type { Axis, Segment } from './axis.ts';
import { MONTH_ABBREVIATIONS } from '../text/calendar-words.ts';
import { utc } from './calendar.ts';
import { textWidth } from './fonts.ts';
import { CENTRE_BASELINE, escape, METRICS, n } from './metrics.ts';
import type { Theme } from './themes.ts';

/** A label on the band: a year (top row) or a month (bottom row), centred at `x` over its cell. */
export interface BandLabel {
  text: string;
  x: number;
  row: 'year' | 'month';
  cellX0: number;
}

interface Cell {
  x0: number;
  x1: number;
  text: string;
  /** Lower is labelled first when not every cell can be: round years before others. */
  rank: number;
}

/** Every calendar year the segment covers, clipped to it. */
function yearCells(segment: Segment, axis: Axis): Cell[] {
  const cells: Cell[] = [];
  for (let year = new Date(segment.start).getUTCFullYear(); utc(year) < segment.end; year++) {
    const rank = [100, 50, 10, 5, 2].findIndex((step) => year % step === 0);
    cells.push({
      x0: axis.x(Math.max(utc(year), segment.start)),
      x1: axis.x(Math.min(utc(year + 1), segment.end)),
      text: String(year),
      rank: rank === -1 ? 5 : rank,
    });
  }
  return cells;
}

function monthCells(segment: Segment, axis: Axis): Cell[] {
  const cells: Cell[] = [];
  const first = new Date(segment.start);
  for (let k = 0; ; k++) {
    const start = utc(first.getUTCFullYear(), first.getUTCMonth() + k);
    if (start >= segment.end) break;
    const month = new Date(start).getUTCMonth();
    cells.push({
      x0: axis.x(start),
      x1: axis.x(utc(first.getUTCFullYear(), first.getUTCMonth() + k + 1)),
      text: MONTH_ABBREVIATIONS[month]!,
      rank: [0, 6, 3, 9].includes(month) ? 0 : 1,
    });
  }
  return cells;
}

/**
 * The labels that fit: each centred on its cell (kept inside its segment), none overlapping another;
 * where cells are too narrow for all, round years (and quarter months) win.
 */
function fitLabels(cells: Cell[], segment: Segment, row: BandLabel['row']): BandLabel[] {
  const size = METRICS.bandSize;
  const placed: Array<BandLabel & { from: number; to: number }> = [];
  const order = cells.map((_, i) => i).sort((a, b) => cells[a]!.rank - cells[b]!.rank || a - b);
  for (const i of order) {
    const cell = cells[i]!;
    const w = textWidth(cell.text, size);
    const x = Math.min(Math.max((cell.x0 + cell.x1) / 2, segment.x0 + w / 2 + 2), segment.x1 - w / 2 - 2);
    const [from, to] = [x - w / 2 - 3, x + w / 2 + 3];
    if (to - from > segment.x1 - segment.x0 + 2) continue;
    if (placed.some((p) => from < p.to && p.from < to)) continue;
    placed.push({ text: cell.text, x, row, cellX0: cell.x0, from, to });
  }
  return placed.map(({ text, x, row: r, cellX0 }) => ({ text, x, row: r, cellX0 }));
}

/** Months that hold an event dated to the month or day, the busiest first: where events cluster. */
function eventMonths(segment: Segment, axis: Axis): Cell[] {
  const counts = new Map<number, number>();
  for (const p of segment.periods) {
    if (p.precision === 'year') continue;
    const d = new Date(p.start);
    const start = utc(d.getUTCFullYear(), d.getUTCMonth());
    counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  const cells = [...counts].map(([start, count]) => {
    const d = new Date(start);
    const year: [number, number] = [
      axis.x(Math.max(utc(d.getUTCFullYear()), segment.start)),
      axis.x(Math.min(utc(d.getUTCFullYear() + 1), segment.end)),
    ];
    return {
      x0: axis.x(start),
      x1: axis.x(utc(d.getUTCFullYear(), d.getUTCMonth() + 1)),
      text: MONTH_ABBREVIATIONS[d.getUTCMonth()]!,
      rank: -count,
      year,
    };
  });
  // A month name is only read against its year: keep those whose label fits inside their year's cell.
  return cells.filter((cell) => cell.year[1] - cell.year[0] >= textWidth(cell.text, METRICS.bandSize) + 6);
}

/** Whether the band has a row of months: some segment is drawn in months, or some event is dated to a month or day. */
export function hasMonthRow(axis: Axis): boolean {
  return axis.segments.some((s) => s.unit === 'month' || s.periods.some((p) => p.precision !== 'year'));
}

/** Year labels for every segment; below them every month of a segment drawn in months, else the months of events. */
export function bandLabels(axis: Axis): BandLabel[] {
  return axis.segments.flatMap((segment) => [
    ...fitLabels(yearCells(segment, axis), segment, 'year'),
    ...fitLabels(segment.unit === 'month' ? monthCells(segment, axis) : eventMonths(segment, axis), segment, 'month'),
  ]);
}

/** The band: segments with alternately shaded years (or months), their labels, and break marks between. */
export function drawBand(axis: Axis, labels: BandLabel[], top: number, bottom: number, t: Theme): string {
  const m = METRICS;
  const parts: string[] = [];
  for (const segment of axis.segments) {
    const split = hasMonthRow(axis) ? top + m.bandRow : bottom;
    parts.push(
      `<rect x="${n(segment.x0)}" y="${n(top)}" width="${n(segment.x1 - segment.x0)}" height="${n(bottom - top)}" fill="${t.band}"/>`,
    );
    const shaded = segment.unit === 'month' ? monthCells(segment, axis) : yearCells(segment, axis);
    const [y0, y1] = segment.unit === 'month' ? [split, bottom] : [top, bottom];
    shaded.forEach((cell, i) => {
      if (i % 2 === 1)
        parts.push(`<rect x="${n(cell.x0)}" y="${n(y0)}" width="${n(cell.x1 - cell.x0)}" height="${n(y1 - y0)}" fill="${t.bandAlt}"/>`);
    });
    if (split < bottom)
      parts.push(
        `<line x1="${n(segment.x0)}" y1="${n(split)}" x2="${n(segment.x1)}" y2="${n(split)}" stroke="${t.bandAlt}" stroke-width="1"/>`,
      );
    if (segment.unit === 'month') {
      for (const cell of yearCells(segment, axis).slice(1))
        parts.push(
          `<line x1="${n(cell.x0)}" y1="${n(top)}" x2="${n(cell.x0)}" y2="${n(split)}" stroke="${t.bandAlt}" stroke-width="1.5"/>`,
        );
    }
  }
  for (const label of labels) {
    const y = label.row === 'month' ? top + m.bandRow * 1.5 : hasMonthRow(axis) ? top + m.bandRow / 2 : (top + bottom) / 2;
    parts.push(
      `<text x="${n(label.x)}" y="${n(y + m.bandSize * CENTRE_BASELINE)}" font-size="${m.bandSize}" fill="${t.bandText}" text-anchor="middle">${escape(label.text)}</text>`,
    );
  }
  // Break marks where empty years are left out.
  for (let i = 1; i < axis.segments.length; i++) {
    const mid = (axis.segments[i - 1]!.x1 + axis.segments[i]!.x0) / 2;
    for (const dx of [-2, 2]) {
      parts.push(
        `<line x1="${n(mid + dx - 2)}" y1="${n(bottom + 1)}" x2="${n(mid + dx + 2)}" y2="${n(top - 1)}" stroke="${t.muted}" stroke-width="1.2"/>`,
      );
    }
  }
  return parts.join('\n');
}
