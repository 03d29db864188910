import { renderAsync } from '@resvg/resvg-js';
import { UserError } from '../errors.ts';
import { buildAxis, type Axis } from './axis.ts';
import { formatDate, periodOf, type Period } from './calendar.ts';
import { FONT_FAMILY, FONT_FILES, fitText, textWidth } from './fonts.ts';
import { laneCount, placeLabels, type LabelPlace } from './lanes.ts';
import { METRICS } from './metrics.ts';
import type { DrawnEvent, Frame } from './frame.ts';
import { drawSvg, frameHeight } from './svg.ts';
import { THEMES } from './themes.ts';
import type { ImageEvent, TimelineImage, TimelineImageOptions } from './types.ts';

/** Canvas width in px; the PNG is drawn at SCALE× for sharp text when opened full size. */
export const CANVAS_WIDTH = 600;
export const SCALE = 2;
/**
 * Discord shows an attached image inline in a box of about 550×350 px. A canvas no taller than this fills the
 * box's width, so 12 px labels still show at about 11 px; label widths shrink to keep under it when they can.
 */
const PREVIEW_HEIGHT = Math.round((CANVAS_WIDTH * 350) / 550);
/** Label widths tried, widest first: wider labels say more, narrower ones stack lower. */
const LABEL_WIDTHS = [320, 290, 260, 235, 210, 190, 170, 150];

/** Lays out and draws events (in any order) as a timeline: SVG source and PNG. Rasterising runs off the main thread. */
export async function renderTimelineImage(events: ReadonlyArray<ImageEvent>, options: TimelineImageOptions = {}): Promise<TimelineImage> {
  const svg = timelineSvg(events, options);
  const rendered = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: SCALE },
    font: { fontFiles: [FONT_FILES.regular, FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return { svg, png: rendered.asPng(), width: rendered.width, height: rendered.height };
}

/** The SVG source of the timeline picture (1× canvas; `renderTimelineImage` rasterises it). */
export function timelineSvg(input: ReadonlyArray<ImageEvent>, options: TimelineImageOptions = {}): string {
  if (input.length === 0) throw new UserError('There are no events to draw: widen the filters.', 'NO_EVENTS');
  const m = METRICS;
  const events = input.map((event) => ({ event, period: periodOf(event) })).sort((a, b) => a.period.start - b.period.start);
  const numbers = new Map<string, number>();
  for (const { event } of events) for (const { source } of event.sources) if (!numbers.has(source)) numbers.set(source, numbers.size + 1);

  const axis = buildAxis(
    events.map((e) => e.period),
    {
      x0: m.margin,
      x1: CANVAS_WIDTH - m.margin,
      breakWidth: 10,
      minSegment: textWidth('0000', m.bandSize) + 8,
      minMonth: textWidth('Sep', m.bandSize) + 6,
    },
  );
  const labels = events.map(({ event, period }) => {
    const date = formatDate(event);
    const cited = [...new Set(event.sources.map((s) => numbers.get(s.source)!))].sort((a, b) => a - b);
    const sources = cited.length ? `[${cited.join(',')}]` : '';
    const fixed =
      textWidth(`${date} `, m.labelSize, 'bold') + (sources ? textWidth(' ', m.labelSize) + textWidth(sources, m.sourceSize) : 0);
    return { event, period, date, sources, fixed, full: fixed + textWidth(event.summary, m.labelSize), x: axis.x(period.mid) };
  });

  const legend = legendLines(numbers, options);
  const legendColumns = legendColumnsFor(numbers.size);
  const { marks, places } = placeAll(labels, axis, (lanes) => frameHeight({ axis, lanes, legend, legendColumns }));
  const drawn: DrawnEvent[] = labels.map((label, i) => {
    const place = places[i]!;
    return {
      x: label.x,
      spanX0: marks[i]!.x0,
      spanX1: marks[i]!.x1,
      precision: label.event.precision,
      approximate: Boolean(label.event.approximate),
      direction: place.direction,
      lane: place.lane,
      date: label.date,
      summary: fitText(label.event.summary, m.labelSize, place.width - label.fixed),
      sources: label.sources,
    };
  });
  const years = events.map((e) => new Date(e.period.start).getUTCFullYear());
  const [first, last] = [Math.min(...years), Math.max(...years)];
  const frame: Frame = {
    width: CANVAS_WIDTH,
    // The title leaves about a third of the row to the count and years after it.
    title: fitText(options.title ?? 'Timeline', m.titleSize, CANVAS_WIDTH * 0.62, 'bold'),
    subtitle: `${events.length} ${events.length === 1 ? 'event' : 'events'} · ${first === last ? first : `${first}–${last}`}`,
    axis,
    events: drawn,
    lanes: laneCount(places),
    legend,
    legendColumns,
    theme: THEMES[options.theme ?? 'light'],
  };
  return drawSvg(frame);
}

/**
 * Marks' extents and label places: the widest labels that fit the preview box, trying each width first
 * without cutting any label at the canvas edge, then cutting where that saves a lane.
 */
function placeAll(
  labels: Array<{ event: ImageEvent; period: Period; full: number; x: number }>,
  axis: Axis,
  heightFor: (lanes: number) => number,
) {
  const m = METRICS;
  const r = m.headRadius;
  // A day is a dot; a month or a year is a bar over its stretch of the axis, at least a dot wide.
  const marks = labels.map(({ event, period, x }) =>
    event.precision === 'day'
      ? { x0: x - r, x1: x + r }
      : { x0: Math.min(axis.x(period.start), x - r), x1: Math.max(axis.x(period.end), x + r) },
  );
  const geometry = { left: m.margin, right: CANVAS_WIDTH - m.margin, gap: m.markGap, padding: 8, minWidth: 120 };
  const attempts: Array<{ places: LabelPlace[]; height: number }> = [];
  for (const width of LABEL_WIDTHS) {
    for (const truncationCost of [Infinity, 1]) {
      const places = placeLabels(
        labels.map((l, i) => ({ ...marks[i]!, width: Math.min(l.full, width) })),
        { ...geometry, truncationCost },
      );
      attempts.push({ places, height: heightFor(laneCount(places)) });
    }
  }
  const fitting = attempts.find((a) => a.height <= PREVIEW_HEIGHT);
  // Too many events for the preview box whatever the widths: the preview will shrink the picture anyway, so
  // allow it 15% more height (its text about 13% smaller) for labels that say more than a word.
  const lowest = Math.min(...attempts.map((a) => a.height));
  const chosen = fitting ?? attempts.find((a) => a.height <= lowest * 1.15)!;
  return { marks, places: chosen.places };
}

/** "[1] 000_file.txt — Its title", cut to its legend column. */
function legendLines(numbers: Map<string, number>, options: TimelineImageOptions): string[] {
  const titles = new Map((options.articles ?? []).map((a) => [a.source, a.title]));
  const width = (CANVAS_WIDTH - 2 * METRICS.margin) / legendColumnsFor(numbers.size) - 10;
  return [...numbers].map(([source, number]) => {
    const title = titles.get(source);
    return fitText(`[${number}] ${source}${title ? ` — ${title}` : ''}`, METRICS.legendSize, width);
  });
}

/** One column for up to three sources, then two, then three: the legend stays a few rows high. */
function legendColumnsFor(sources: number): number {
  return Math.max(1, Math.min(3, Math.ceil(sources / 3)));
}
