import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PNG } from 'pngjs';
import { UserError } from '../../src/errors.ts';
import { formatDate } from '../../src/timeline-image/calendar.ts';
import { CANVAS_WIDTH, renderTimelineImage, SCALE, timelineSvg } from '../../src/timeline-image/render.ts';
import type { ImageEvent } from '../../src/timeline-image/types.ts';
import { EVENTS } from './events.ts';

const occurrences = (text: string, needle: string) => text.split(needle).length - 1;
const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** The event labels drawn in an SVG: [date, summary] of each. */
function labels(svg: string): Array<[string, string]> {
  return [...svg.matchAll(/<text [^>]*><tspan font-weight="600">([^<]*)<\/tspan> ([^<]*?)(?: <tspan[^>]*>[^<]*<\/tspan>)?<\/text>/g)].map(
    (m) => [unescape(m[1]!), unescape(m[2]!)],
  );
}

/** Whether a drawn label is the event's summary, or a word-boundary cut of it ending in "…". */
const shows = (drawn: string, summary: string) => drawn === summary || (drawn.endsWith('…') && summary.startsWith(drawn.slice(0, -1)));

/** Asserts that every event has exactly one label in the SVG and there are no others. */
function assertEachLabelOnce(svg: string, events: ImageEvent[], dates: (e: ImageEvent) => string): void {
  const drawn = labels(svg);
  assert.equal(drawn.length, events.length);
  for (const event of events) {
    const matching = drawn.filter(([date, summary]) => date === dates(event) && shows(summary, event.summary));
    assert.equal(matching.length, 1, `${dates(event)} ${event.summary}: ${JSON.stringify(matching)}`);
  }
}
const svgHeight = (svg: string) => Number(/<svg [^>]*height="(\d+)"/.exec(svg)![1]);

/** Distinct colours and the share of pixels that differ from the top-left (background) pixel. */
function pixelStats(png: PNG): { colours: number; inked: number } {
  const colours = new Set<number>();
  let inked = 0;
  const background = png.data.readUInt32BE(0);
  for (let i = 0; i < png.data.length; i += 4) {
    const pixel = png.data.readUInt32BE(i);
    colours.add(pixel);
    if (pixel !== background) inked++;
  }
  return { colours: colours.size, inked: inked / (png.width * png.height) };
}

test('GIVEN six events WHEN the picture is rendered THEN the PNG decodes at 1200 px wide and twice the SVG height, and is not blank', async () => {
  const image = await renderTimelineImage(EVENTS, { title: 'Timeline', articles: [{ source: 'a.txt', title: 'The harbour' }] });
  const png = PNG.sync.read(image.png);

  assert.equal(CANVAS_WIDTH * SCALE, 1200);
  assert.deepEqual([png.width, png.height], [1200, svgHeight(image.svg) * SCALE]);
  assert.deepEqual([image.width, image.height], [png.width, png.height]);
  const { colours, inked } = pixelStats(png);
  assert.ok(colours > 50, `${colours} colours`);
  assert.ok(inked > 0.05 && inked < 0.6, `${(inked * 100).toFixed(1)}% of pixels drawn`);
  assert.deepEqual([...png.data.subarray(0, 3)], [0xff, 0xff, 0xff], 'light theme: white background');
});

test('GIVEN six events WHEN drawn THEN the SVG carries every event’s label, date and source list exactly once', () => {
  const svg = timelineSvg(EVENTS);
  const dates = ['1951', 'Feb 2003', 'Feb 14, 2003', 'Feb 14, 2003', 'c. 2004', 'Jul 1, 2019'];
  assertEachLabelOnce(svg, EVENTS, (event) => dates[EVENTS.indexOf(event)]!);
  assert.equal(occurrences(svg, '>Feb 14, 2003</tspan>'), 2, 'two events of that day, one label each');
  assert.equal(occurrences(svg, '>c. 2004</tspan>'), 1, 'the estimate says so');
  assert.equal(occurrences(svg, '>[2,3]</tspan>'), 1, 'numbered by first appearance: a, b, c, d');
  assert.match(svg, /\[1\] a\.txt<\/text>/);
});

test('GIVEN two events of one day WHEN drawn THEN their marks stack in one column, in different lanes', () => {
  const svg = timelineSvg(EVENTS);
  const dots = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="3.5"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  const columns = new Map<number, number[]>();
  for (const [x, y] of dots) columns.set(x, [...(columns.get(x) ?? []), y]);
  const stacked = [...columns.values()].filter((ys) => ys.length === 2);
  assert.equal(stacked.length, 1);
  assert.equal(Math.abs(stacked[0]![0]! - stacked[0]![1]!) % 17, 0, 'lanes are 17 px apart');
  assert.notEqual(stacked[0]![0], stacked[0]![1]);
});

test('GIVEN an approximate event WHEN drawn THEN its mark is hollow and its period bar dashed', () => {
  const svg = timelineSvg([EVENTS[4]!]);
  assert.equal(occurrences(svg, 'fill="#ffffff" stroke="#5b4bc4" stroke-width="1.4"/>'), 2, 'the event and the legend key');
  assert.equal(occurrences(svg, 'stroke-dasharray="2 2"'), 1);
});

test('GIVEN the dark theme WHEN rendered THEN the background is Discord’s dark grey', async () => {
  const image = await renderTimelineImage(EVENTS, { theme: 'dark' });
  assert.deepEqual([...PNG.sync.read(image.png).data.subarray(0, 3)], [0x31, 0x33, 0x38]);
});

test('GIVEN a summary too long for its room and markup characters WHEN drawn THEN it is cut with “…” and escaped', () => {
  const long = `The council & the port <authority> agree ${'on a long list of terms '.repeat(6)}`;
  const svg = timelineSvg([{ date: '2010-05-02', precision: 'day', summary: long, sources: [{ source: 'x.txt' }] }]);
  const [[, label]] = labels(svg) as [[string, string]];
  assert.match(label, /^The council & the port <authority>.*…$/);
  assert.ok(shows(label, long) && label.length < long.length);
  assert.match(svg, /The council &amp; the port &lt;authority&gt;/);
});

test('GIVEN sixty events over forty years WHEN drawn THEN every label is there once and the picture still renders', async () => {
  const many: ImageEvent[] = Array.from({ length: 60 }, (_, i) => ({
    date: `${1980 + Math.floor(i / 1.5)}-${String((i % 12) + 1).padStart(2, '0')}`,
    precision: 'month',
    summary: `Event number ${i + 1}`,
    sources: [{ source: `s${i % 7}.txt` }],
  }));
  const image = await renderTimelineImage(many);
  assertEachLabelOnce(image.svg, many, formatDate);
  assert.equal(PNG.sync.read(image.png).width, 1200);
});

test('GIVEN no events or a malformed date WHEN drawn THEN a UserError says what is wrong', () => {
  assert.throws(
    () => timelineSvg([]),
    (e) => e instanceof UserError && e.message === 'There are no events to draw: widen the filters.',
  );
  assert.throws(
    () => timelineSvg([{ date: 'spring 2010', precision: 'month', summary: 'x', sources: [] }]),
    (e) => e instanceof UserError && e.message === 'Cannot draw an event dated "spring 2010": expected YYYY, YYYY-MM or YYYY-MM-DD.',
  );
  assert.throws(
    () => timelineSvg([{ date: '2011-02-29', precision: 'day', summary: 'x', sources: [] }]),
    /"2011-02-29": no such day or month/,
  );
  assert.doesNotThrow(() => timelineSvg([{ date: '2012-02-29', precision: 'day', summary: 'x', sources: [] }]));
});
