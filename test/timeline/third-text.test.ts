import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEvents } from '../../src/timeline/extract.ts';
import { selectEvents } from '../../src/timeline/query.ts';
import { makeArticle } from './make-article.ts';

// Invented for this test: neither corpus is about bridges, and no name below appears in either.
const NEWS = `Harbour bridge reopens after two-year closure

The Kestrel Bay harbour bridge reopened to traffic on Wednesday, city engineer Marta Oyelaran said.

The bridge, which opened in 1964, had been closed since a barge struck one of its piers in May 2019. Repairs took 25 months and cost $41 million.

Mayor Tobias Renwick announced last May that the work would finish early, but storms delayed it. The council will vote on a toll on July 6.`;

const HISTORY = `HALDEN, March 3 (Coastline Wire) - Shipyard owner Ingrid Solvang told reporters on Tuesday that her yard would bid for the Kestrel Bay contract.

The yard built the first Kestrel Bay bridge, which opened on 12 September 1964, and Solvang said it had spent 15 months preparing the bid.`;

// Dates counted from another event, and a yearless dateline whose year the article's own dates give.
const COURT = `Barge captain cleared

The captain of the barge, Ilse Varga, was detained on May 14, 2019 and released two days later. A week later, inspectors boarded the barge. The harbour board met on 3 June 2019. The next day, it suspended the barge's licence.

Engineer Marta Oyelaran has led the repairs since her appointment in January 2020. Three months later she hired divers.`;

const FERRY = `FJORDVIK, March 3 (Coastline Wire) - The ferry Nordlys ran aground on February 27, 2022, near the harbour mouth, the coast guard said on Tuesday.

Its owner, Halvard Ekstrom, said two weeks earlier that the ferry was overdue for repairs.`;

const events = extractEvents([makeArticle('news.txt', NEWS, '2021-06-18'), makeArticle('history.txt', HISTORY)]);
const more = extractEvents([makeArticle('court.txt', COURT, '2021-06-20'), makeArticle('ferry.txt', FERRY)]);
const at = (date: string) => more.filter((event) => event.date === date).map(({ summary, approximate }) => ({ summary, approximate }));
const line = (date: string) =>
  events.filter((event) => event.date === date).map(({ kind, summary, approximate }) => ({ kind, summary, approximate }));

test('GIVEN an article dated 2021-06-18 (a Friday) WHEN it says "on Wednesday" THEN the reopening is dated 2021-06-16 with who said it', () => {
  assert.deepEqual(line('2021-06-16'), [
    { kind: 'occurred', summary: 'The Kestrel Bay harbour bridge reopened to traffic', approximate: false },
  ]);
  assert.ok(events.find((event) => event.date === '2021-06-16')!.people.includes('Marta Oyelaran'));
});

test('GIVEN partial dates WHEN extracted THEN "in May 2019" is a month and "last May", written in June 2021, is May 2021', () => {
  assert.deepEqual(line('2019-05'), [{ kind: 'occurred', summary: 'A barge struck one of its piers', approximate: false }]);
  assert.deepEqual(line('2021-05'), [
    { kind: 'said', summary: 'Mayor Tobias Renwick announced that the work would finish early', approximate: false },
  ]);
});

test('GIVEN a plan WHEN extracted THEN it is scheduled on its day', () => {
  assert.deepEqual(line('2021-07-06'), [{ kind: 'scheduled', summary: 'The council will vote on a toll', approximate: false }]);
});

test('GIVEN durations ("25 months", "15 months", "two-year closure") WHEN extracted THEN they make no event', () => {
  assert.ok(
    events.every((event) => !/25 months|15 months|two-year/.test(event.summary)),
    JSON.stringify(events.map((event) => event.summary)),
  );
});

test('GIVEN a wire dateline "March 3" without a year and no other article on its events WHEN extracted THEN its Tuesday is kept, marked approximate, never dropped (the dateline itself dates the writing, not an event)', () => {
  const relative = events.filter((event) => event.sources[0]!.source === 'history.txt' && event.approximate);
  assert.deepEqual(
    relative.map(({ date, kind }) => [date, kind]),
    [['1965-03-02', 'said']],
  );
  assert.match(
    relative[0]!.resolution!,
    /the dateline “HALDEN, March 3” gives no year and no other article dates the same events; March 3, 1964 is the earliest reading after the latest date the article names \(1964-09-12\)|March 3, 1965/,
  );
});

test('GIVEN two articles dating the 1964 opening WHEN merged THEN one event cites both, at the precise date', () => {
  const bridge = events.filter((event) => event.date.startsWith('1964'));
  assert.deepEqual(
    bridge.map((event) => [event.date, event.sources.map((source) => source.source)]),
    [['1964-09-12', ['history.txt', 'news.txt']]],
  );
});

test('GIVEN a person lookup WHEN asked for the mayor THEN his statement is returned', () => {
  assert.deepEqual(
    selectEvents(events, { person: 'Renwick' }).map((event) => event.date),
    ['2021-05'],
  );
});

test('GIVEN "released two days later" after "detained on May 14, 2019" WHEN extracted THEN the release is 2019-05-16 and says what it counts from', () => {
  assert.deepEqual(at('2019-05-14'), [{ summary: 'Ilse Varga was detained', approximate: false }]);
  const release = more.find((event) => event.date === '2019-05-16')!;
  assert.match(release.summary, /released/);
  assert.equal(release.resolution, 'court.txt: “two days later” refers back to 2019-05-14, named just before');
});

test('GIVEN "A week later" and "The next day" WHEN extracted THEN each counts from the date named just before it, not from the article\'s date', () => {
  assert.deepEqual(at('2019-05-23'), [{ summary: 'Inspectors boarded the barge', approximate: false }]);
  assert.deepEqual(at('2019-06-04'), [{ summary: "It suspended the barge's licence", approximate: false }]);
});

test('GIVEN "Three months later" after a month WHEN extracted THEN it is that month plus three, and "since her appointment in January 2020" dates the appointment', () => {
  assert.deepEqual(at('2020-01'), [{ summary: 'Oyelaran’s appointment', approximate: false }]);
  assert.deepEqual(
    at('2020-04').map((event) => event.summary),
    ['Oyelaran hired divers'],
  );
});

test('GIVEN a dateline "March 3" without a year WHEN the article itself dates the grounding February 27, 2022 THEN the year is 2022, not approximate, and its Tuesday is 2022-03-01', () => {
  assert.deepEqual(at('2022-02-27'), [{ summary: 'The ferry Nordlys ran aground', approximate: false }]);
  const tuesday = more.find((event) => event.date === '2022-03-01')!;
  assert.equal(tuesday.approximate, false);
  assert.match(tuesday.resolution!, /the article's own “February 27, 2022” \(2022-02-27\) falls in the month before it only in 2022/);
  // Counted from the date named before it in the article: two weeks before the Tuesday.
  assert.deepEqual(
    more.filter((event) => event.sources[0]!.source === 'ferry.txt').map((event) => event.date),
    ['2022-02-15', '2022-02-27', '2022-03-01'],
  );
});
