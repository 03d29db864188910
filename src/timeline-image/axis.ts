import { scaleUtc } from 'd3-scale';
import { utcMonth, utcYear } from 'd3-time';
import type { Period } from './calendar.ts';

const YEAR_MS = 365.2425 * 24 * 3600 * 1000;

/** A stretch of the axis drawn at one linear scale, in whole years or whole months. */
export interface Segment {
  start: number;
  end: number;
  x0: number;
  x1: number;
  unit: 'year' | 'month';
  /** The periods of the events drawn in this segment. */
  periods: Period[];
}

/** A time axis cut into segments, with the empty stretches between them left out. */
export interface Axis {
  segments: Segment[];
  /** Where an instant falls; instants in a left-out stretch go to the nearest segment edge. */
  x(ms: number): number;
}

export interface AxisGeometry {
  x0: number;
  x1: number;
  /** Room drawn between two segments for the break mark. */
  breakWidth: number;
  /** The narrowest a segment may be: enough for one year label. */
  minSegment: number;
  /** The narrowest a month may be to be drawn and labelled as a month. */
  minMonth: number;
}

/** Lays out an axis over `periods` (at least one) between geometry.x0 and geometry.x1. */
export function buildAxis(periods: Period[], geometry: AxisGeometry): Axis {
  const runs = limitRuns(splitRuns([...periods].sort((a, b) => a.start - b.start)), geometry);
  const width = geometry.x1 - geometry.x0;
  const free = width - runs.length * geometry.minSegment - (runs.length - 1) * geometry.breakWidth;
  const weights = runs.map(distinctDates);
  const total = weights.reduce((a, b) => a + b, 0);
  let x = geometry.x0;
  const segments = runs.map((run, i) => {
    // Width follows the number of distinct dates: marks at different dates, not empty years, need room
    // (events of one date stack in a column).
    const w = geometry.minSegment + (free * weights[i]!) / total;
    const segment = niceSegment(run, x, i === runs.length - 1 ? geometry.x1 : x + w, geometry.minMonth);
    x += w + geometry.breakWidth;
    return segment;
  });
  const scales = segments.map((segment, i) => {
    const knots = [...new Set([segment.start, segment.end, ...runs[i]!.flatMap((p) => [p.start, p.end])])].sort((a, b) => a - b);
    return scaleUtc()
      .domain(knots)
      .range(knotPositions(knots, segment.x0, segment.x1));
  });
  return {
    segments,
    x(ms) {
      const i = segments.findIndex((s) => ms < s.end);
      const index = i === -1 ? segments.length - 1 : i;
      const segment = segments[index]!;
      if (ms < segment.start) return segment.x0;
      return Math.min(scales[index]!(ms), segment.x1);
    },
  };
}

/**
 * Where the dates that bound events go within a segment: half its width follows calendar time and half is
 * shared equally between consecutive dates, so dates that cluster get room for their marks while a long
 * stretch still looks longer than a short one. The band's year and month cells show the stretching.
 */
function knotPositions(knots: number[], x0: number, x1: number): number[] {
  const span = knots.at(-1)! - knots[0]!;
  const steps = knots.length - 1;
  const positions = [x0];
  for (let i = 1; i < knots.length; i++) {
    const share = 0.5 * ((knots[i]! - knots[i - 1]!) / span) + 0.5 / steps;
    positions.push(positions[i - 1]! + share * (x1 - x0));
  }
  return positions;
}

/**
 * Groups periods into runs separated by empty stretches worth leaving out: longer than a year (shorter ones
 * would put the same year on both sides of the break) and longer than the run's average time per event
 * (a linear axis would give that emptiness more room than an event gets). Runs are split again the same way,
 * so a dense cluster inside a long run gets its own, finer segment.
 */
export function splitRuns(sorted: Period[]): Period[][] {
  if (sorted.length < 2) return [sorted];
  const span = Math.max(...sorted.map((p) => p.end)) - sorted[0]!.start;
  const threshold = Math.max(YEAR_MS, span / sorted.length);
  const runs: Period[][] = [[sorted[0]!]];
  let runEnd = sorted[0]!.end;
  for (const period of sorted.slice(1)) {
    if (period.start - runEnd > threshold && yearOf(period.start) > yearOf(runEnd - 1) + 1) runs.push([period]);
    else runs.at(-1)!.push(period);
    runEnd = Math.max(runEnd, period.end);
  }
  return runs.length === 1 ? runs : runs.flatMap(splitRuns);
}

/** Merges the runs closest in time until every segment can be at least `minSegment` wide. */
function limitRuns(runs: Period[][], geometry: AxisGeometry): Period[][] {
  const fits = (count: number) => count * geometry.minSegment + (count - 1) * geometry.breakWidth <= geometry.x1 - geometry.x0;
  const merged = runs.map((run) => [...run]);
  while (merged.length > 1 && !fits(merged.length)) {
    let best = 0;
    for (let i = 1; i < merged.length - 1; i++) if (gapAfter(merged, i) < gapAfter(merged, best)) best = i;
    merged.splice(best, 2, [...merged[best]!, ...merged[best + 1]!]);
  }
  return merged;
}

function gapAfter(runs: Period[][], i: number): number {
  return runs[i + 1]![0]!.start - Math.max(...runs[i]!.map((p) => p.end));
}

/** The run's span rounded out to whole months when months are wide enough to read, else to whole years. */
function niceSegment(run: Period[], x0: number, x1: number, minMonth: number): Segment {
  const start = Math.min(...run.map((p) => p.start));
  const end = Math.max(...run.map((p) => p.end));
  const monthStart = utcMonth.floor(new Date(start));
  const monthEnd = utcMonth.ceil(new Date(end));
  const months = utcMonth.count(monthStart, monthEnd);
  if ((x1 - x0) / months >= minMonth) {
    return { start: monthStart.getTime(), end: monthEnd.getTime(), x0, x1, unit: 'month', periods: run };
  }
  const yearStart = utcYear.floor(new Date(start));
  const yearEnd = utcYear.ceil(new Date(end));
  return { start: yearStart.getTime(), end: yearEnd.getTime(), x0, x1, unit: 'year', periods: run };
}

function distinctDates(run: Period[]): number {
  return new Set(run.map((p) => `${p.start}/${p.end}`)).size;
}

function yearOf(ms: number): number {
  return new Date(ms).getUTCFullYear();
}
