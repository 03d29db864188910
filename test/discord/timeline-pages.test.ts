import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleSummary } from '../../src/core/dossier.ts';
import { describeQuery, formatEventDate, timelineEmbed, timelinePages } from '../../src/discord/timeline-pages.ts';
import type { TimelineEvent } from '../../src/timeline/types.ts';

const ARTICLES: ArticleSummary[] = [
  { source: '002_46d3cbafd3f6e099.txt', title: 'Russia cites virus fears', chunks: 3 },
  { source: '003_c464dfc57fd8e736.txt', title: 'Businessman Bout jailed in US', chunks: 4 },
  { source: '004_91ab4689b524ca48.txt', title: 'Russia Intends to Intercede for Bout', date: '2012-04-08', chunks: 5 },
];
const ev = (
  date: string,
  precision: TimelineEvent['precision'],
  summary: string,
  sources: string[],
  extra: Partial<TimelineEvent> = {},
): TimelineEvent => ({
  id: `${date}-${summary}`,
  date,
  precision,
  approximate: false,
  summary,
  kind: 'occurred',
  people: [],
  places: [],
  sources: sources.map((source) => ({ source, quote: 'q', start: 0, end: 1 })),
  ...extra,
});

test('GIVEN dates at year, month and day precision WHEN formatted THEN they read 2008, Nov 2011 and Apr 5, 2012', () => {
  assert.equal(formatEventDate({ date: '2008', precision: 'year' }), '2008');
  assert.equal(formatEventDate({ date: '2011-11', precision: 'month' }), 'Nov 2011');
  assert.equal(formatEventDate({ date: '2012-04-05', precision: 'day' }), 'Apr 5, 2012');
});

test('GIVEN events citing overlapping articles WHEN paged THEN each line carries [n] markers and sources are numbered once in order of use', () => {
  const [page] = timelinePages(
    [
      ev('2008', 'year', 'Bout arrested in Bangkok in a US sting', ['002_46d3cbafd3f6e099.txt', '003_c464dfc57fd8e736.txt']),
      ev('2012-04-11', 'day', 'Lavrov starts a visit to Washington', ['004_91ab4689b524ca48.txt'], { kind: 'scheduled' }),
      ev('2012', 'year', 'Sentenced to 25 years', ['003_c464dfc57fd8e736.txt'], { conflict: 'date: 2012-04-05 vs April 2012' }),
    ],
    ARTICLES,
  );
  assert.deepEqual(page!.lines, [
    '**2008** — Bout arrested in Bangkok in a US sting [1][2]',
    '**Apr 11, 2012** — Lavrov starts a visit to Washington (scheduled) [3]',
    '**2012** — Sentenced to 25 years [2] ⚠️ sources differ: date: 2012-04-05 vs April 2012',
  ]);
  assert.deepEqual(page!.sources, [
    '[1] `002_46d3cbafd3f6e099.txt` — Russia cites virus fears',
    '[2] `003_c464dfc57fd8e736.txt` — Businessman Bout jailed in US',
    '[3] `004_91ab4689b524ca48.txt` — Russia Intends to Intercede for Bout (2012-04-08)',
  ]);
});

test('GIVEN 17 events and 8 per page WHEN paged THEN there are pages of 8, 8 and 1, with source numbers restarting on each page', () => {
  const events = Array.from({ length: 17 }, (_, i) => ev(String(1990 + i), 'year', `Event ${i}`, [ARTICLES[i % 3]!.source]));
  const pages = timelinePages(events, ARTICLES);
  assert.deepEqual(
    pages.map((p) => p.lines.length),
    [8, 8, 1],
  );
  assert.equal(pages[2]!.lines[0], '**2006** — Event 16 [1]');
  assert.deepEqual(pages[2]!.sources, ['[1] `003_c464dfc57fd8e736.txt` — Businessman Bout jailed in US']);
});

test('GIVEN long summaries WHEN paged THEN a page stays under the character budget', () => {
  const events = Array.from({ length: 8 }, (_, i) => ev(String(2000 + i), 'year', 'long '.repeat(60), ['002_46d3cbafd3f6e099.txt']));
  const pages = timelinePages(events, ARTICLES, { maxChars: 1000 });
  assert.equal(pages.length > 1, true);
  assert.equal(
    pages.every((p) => [...p.lines, ...p.sources].join('\n').length <= 1000),
    true,
  );
});

test('GIVEN filters WHEN described THEN they read as a short title; without filters, the whole case', () => {
  assert.equal(
    describeQuery({ from: '2010', to: '2012', topic: 'extradition', source: '003_c464dfc57fd8e736.txt' }),
    'from 2010 · to 2012 · topic “extradition” · source `003_c464dfc57fd8e736.txt`',
  );
  assert.equal(describeQuery({}), 'the whole case');
  assert.equal(
    describeQuery({ around: '2012-04', person: 'Lavrov', place: 'Bangkok' }),
    'around “2012-04” · person “Lavrov” · place “Bangkok”',
  );
});

test('GIVEN a page WHEN rendered THEN the embed lists events, then Sources, and the footer gives the page and the event count', () => {
  const embed = timelineEmbed(
    { lines: ['**2008** — A [1]'], sources: ['[1] `a.txt`'] },
    { index: 1, total: 3, events: 17 },
    { from: '2008' },
  );
  assert.equal(embed.title, 'Timeline — from 2008');
  assert.equal(embed.description, '**2008** — A [1]\n\n**Sources**\n[1] `a.txt`');
  assert.equal(embed.footer!.text, 'Page 2 of 3 · 17 events');
});
