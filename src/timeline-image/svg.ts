import type { Axis } from './axis.ts';
import { bandLabels, drawBand, hasMonthRow } from './band.ts';
import { FONT_FAMILY } from './fonts.ts';
import type { DrawnEvent, Frame } from './frame.ts';
import { drawLegend } from './legend.ts';
import { CENTRE_BASELINE, escape, METRICS, n } from './metrics.ts';
import type { Theme } from './themes.ts';

/** Height of the band: one row of years, or two when some segment also shows months. */
export function bandHeight(axis: Axis): number {
  return hasMonthRow(axis) ? 2 * METRICS.bandRow : METRICS.bandRow + 4;
}

/** Vertical positions of the parts of a frame. */
function rows(frame: Pick<Frame, 'axis' | 'lanes' | 'legend' | 'legendColumns'>) {
  const m = METRICS;
  const lanesTop = m.margin + m.titleSize + 10;
  const bandTop = lanesTop + frame.lanes * m.laneHeight + 6;
  const bandBottom = bandTop + bandHeight(frame.axis);
  const legendTop = bandBottom + 10;
  const legendRows = 1 + Math.ceil(frame.legend.length / frame.legendColumns);
  return { lanesTop, bandTop, bandBottom, legendTop, height: Math.ceil(legendTop + legendRows * m.legendRow + m.margin - 4) };
}

/** The full canvas height for a frame's lanes and legend. */
export function frameHeight(frame: Pick<Frame, 'axis' | 'lanes' | 'legend' | 'legendColumns'>): number {
  return rows(frame).height;
}

/** Writes the SVG document of a laid-out timeline. */
export function drawSvg(frame: Frame): string {
  const m = METRICS;
  const t = frame.theme;
  const { lanesTop, bandTop, bandBottom, legendTop, height } = rows(frame);
  const laneY = (lane: number) => lanesTop + (lane - 0.5) * m.laneHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${height}" viewBox="0 0 ${frame.width} ${height}" font-family="${FONT_FAMILY}">`,
    `<rect width="100%" height="100%" fill="${t.background}"/>`,
    `<text x="${m.margin}" y="${m.margin + m.titleSize - 3}" font-size="${m.titleSize}" font-weight="600" fill="${t.text}">${escape(frame.title)}` +
      `<tspan font-size="${m.legendSize}" font-weight="400" fill="${t.muted}" dx="8">${escape(frame.subtitle)}</tspan></text>`,
  ];
  const labels = bandLabels(frame.axis);
  for (const x of gridLines(labels, frame.axis))
    parts.push(`<line x1="${n(x)}" y1="${n(lanesTop - 2)}" x2="${n(x)}" y2="${n(bandTop)}" stroke="${t.grid}" stroke-width="1"/>`);
  parts.push(drawBand(frame.axis, labels, bandTop, bandBottom, t));
  for (const event of frame.events) parts.push(drawMark(event, laneY(event.lane), bandTop, t));
  for (const event of frame.events) parts.push(drawLabel(event, laneY(event.lane), t));
  parts.push(drawLegend(frame, legendTop), '</svg>');
  return parts.join('\n');
}

function drawMark(event: DrawnEvent, y: number, bandTop: number, t: Theme): string {
  const r = METRICS.headRadius;
  const parts: string[] = [];
  // On the band's top edge: where the event falls, so clusters show on the axis itself.
  const tick = event.precision === 'day' ? [event.x - 1, 2] : [event.spanX0, Math.max(event.spanX1 - event.spanX0, 2)];
  parts.push(
    `<rect x="${n(tick[0]!)}" y="${n(bandTop)}" width="${n(tick[1]!)}" height="3" fill="${t.accent}" fill-opacity="${event.precision === 'day' ? 1 : 0.6}"/>`,
  );
  if (event.precision !== 'day') {
    // A month or a year: the bar is the stretch of time the date stands for.
    const width = Math.max(event.spanX1 - event.spanX0, 2 * r);
    parts.push(
      event.approximate
        ? `<rect x="${n(event.spanX0)}" y="${n(y - r)}" width="${n(width)}" height="${n(2 * r)}" rx="${r}" fill="none" stroke="${t.accent}" stroke-width="1" stroke-dasharray="2 2"/>`
        : `<rect x="${n(event.spanX0)}" y="${n(y - r)}" width="${n(width)}" height="${n(2 * r)}" rx="${r}" fill="${t.accent}" fill-opacity="0.3"/>`,
    );
  }
  parts.push(
    event.approximate
      ? `<circle cx="${n(event.x)}" cy="${n(y)}" r="${r - 0.6}" fill="${t.background}" stroke="${t.accent}" stroke-width="1.4"/>`
      : `<circle cx="${n(event.x)}" cy="${n(y)}" r="${r}" fill="${t.accent}"/>`,
  );
  return parts.join('\n');
}

function drawLabel(event: DrawnEvent, y: number, t: Theme): string {
  const m = METRICS;
  const right = event.direction === 'right';
  const x = right ? event.spanX1 + m.markGap : event.spanX0 - m.markGap;
  return (
    `<text x="${n(x)}" y="${n(y + m.labelSize * CENTRE_BASELINE)}" font-size="${m.labelSize}" fill="${t.text}" text-anchor="${right ? 'start' : 'end'}">` +
    `<tspan font-weight="600">${escape(event.date)}</tspan> ${escape(event.summary)}` +
    (event.sources ? ` <tspan font-size="${m.sourceSize}" fill="${t.muted}">${escape(event.sources)}</tspan>` : '') +
    `</text>`
  );
}

/** Lines up from the band at each labelled year or month and at each segment's end. */
function gridLines(labels: ReturnType<typeof bandLabels>, axis: Axis): number[] {
  const xs = [...labels.map((label) => label.cellX0), ...axis.segments.flatMap((s) => [s.x0, s.x1])];
  return [...new Set(xs.map((x) => Math.round(x * 2) / 2))];
}
