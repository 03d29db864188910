import { textWidth } from './fonts.ts';
import { CENTRE_BASELINE, escape, METRICS, n } from './metrics.ts';
import type { Frame } from './frame.ts';

/** The key to the marks, then the numbered sources in columns. */
export function drawLegend(frame: Frame, top: number): string {
  const t = frame.theme;
  const m = METRICS;
  const parts: string[] = [];
  const y0 = top + m.legendRow / 2;
  // The key to the marks.
  let x = m.margin;
  const key = (mark: string, text: string) => {
    parts.push(mark.replaceAll('{x}', n(x + 4)).replaceAll('{y}', n(y0)));
    parts.push(
      `<text x="${n(x + 12)}" y="${n(y0 + m.legendSize * CENTRE_BASELINE)}" font-size="${m.legendSize}" fill="${t.muted}">${escape(text)}</text>`,
    );
    x += 12 + textWidth(text, m.legendSize) + 14;
  };
  key(`<circle cx="{x}" cy="{y}" r="${m.headRadius}" fill="${t.accent}"/>`, 'dated event');
  key(`<rect x="${n(x - 1)}" y="${n(y0 - 1.5)}" width="10" height="3" fill="${t.accent}" fill-opacity="0.55"/>`, 'its month or year');
  key(
    `<circle cx="{x}" cy="{y}" r="${m.headRadius - 0.6}" fill="${t.background}" stroke="${t.accent}" stroke-width="1.4"/>`,
    'approximate date',
  );
  key(
    `<line x1="${n(x + 2)}" y1="${n(y0 + 5)}" x2="${n(x + 6)}" y2="${n(y0 - 5)}" stroke="${t.muted}" stroke-width="1.2"/><line x1="${n(x + 6)}" y1="${n(y0 + 5)}" x2="${n(x + 10)}" y2="${n(y0 - 5)}" stroke="${t.muted}" stroke-width="1.2"/>`,
    'years left out',
  );
  // The sources, numbered as in the labels.
  const rows = Math.ceil(frame.legend.length / frame.legendColumns);
  const columnWidth = (frame.width - 2 * m.margin) / frame.legendColumns;
  frame.legend.forEach((line, i) => {
    const column = Math.floor(i / rows);
    const row = i % rows;
    const y = top + (row + 1) * m.legendRow + m.legendRow / 2;
    parts.push(
      `<text x="${n(m.margin + column * columnWidth)}" y="${n(y + m.legendSize * CENTRE_BASELINE)}" font-size="${m.legendSize}" fill="${t.text}">${escape(line)}</text>`,
    );
  });
  return parts.join('\n');
}
