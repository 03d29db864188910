import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDateMentions, type DateMention } from '../../src/timeline/resolve-date.ts';

const only = (sentence: string, reference?: string): DateMention => {
  const mentions = findDateMentions(sentence, reference);
  assert.equal(mentions.length, 1, `expected one date in "${sentence}", got ${JSON.stringify(mentions.map((m) => m.text))}`);
  return mentions[0]!;
};
const dated = (sentence: string, reference?: string) => {
  const { date, precision, kind } = only(sentence, reference);
  return { date, precision, kind };
};

test("GIVEN an article dated 2023-04-09 WHEN it says 'on Friday' THEN the event is dated 2023-04-07", () => {
  assert.deepEqual(dated('Bout on Friday urged Trump to seek refuge in Russia.', '2023-04-09'), {
    date: '2023-04-07',
    precision: 'day',
    kind: 'occurred',
  });
});

test("GIVEN an article dated 2012-04-08 WHEN it says 'Thursday' THEN the sentencing is dated 2012-04-05", () => {
  assert.deepEqual(dated('The official spoke after Bout’s sentencing Thursday in New York.', '2012-04-08'), {
    date: '2012-04-05',
    precision: 'day',
    kind: 'occurred',
  });
});

test("GIVEN an article dated 2012-04-08 WHEN it says 'which starts Wednesday' THEN the event is scheduled for 2012-04-11", () => {
  assert.deepEqual(dated('Lavrov will raise the case during his visit to Washington, which starts Wednesday.', '2012-04-08'), {
    date: '2012-04-11',
    precision: 'day',
    kind: 'scheduled',
  });
});

test("GIVEN an article dated 2012-04-08 WHEN it says 'said Friday that Bout might be released' THEN the statement occurred on 2012-04-06", () => {
  assert.deepEqual(dated('The Justice Ministry said Friday that Bout might be released.', '2012-04-08'), {
    date: '2012-04-06',
    precision: 'day',
    kind: 'occurred',
  });
});

test("GIVEN an article dated on a Tuesday WHEN it says 'on Tuesday' in the past tense THEN the event is that same day", () => {
  assert.equal(only('Trump was heard in a Manhattan court on Tuesday.', '2023-04-04').date, '2023-04-04');
});

test("GIVEN an article dated 2023-04-09 WHEN it says 'last year' THEN the event is dated 2022 at year precision", () => {
  const mention = only('Bout, who was freed from a US prison last year, spoke.', '2023-04-09');
  assert.deepEqual([mention.date, mention.precision, mention.relative], ['2022', 'year', true]);
});

test("GIVEN an article dated Sunday 2023-04-09 WHEN it says 'last week' THEN only the year is certain, since that week spans March and April", () => {
  const mention = only('Evan Gershkovich was arrested last week by Russia.', '2023-04-09');
  assert.deepEqual([mention.date, mention.precision], ['2023', 'year']);
  assert.match(mention.note!, /2023-03-27 to 2023-04-02/);
});

test("GIVEN an article dated 2023-04-20 WHEN it says 'last week' THEN the event is dated 2023-04 at month precision", () => {
  assert.deepEqual(dated('He was arrested last week.', '2023-04-20'), { date: '2023-04', precision: 'month', kind: 'occurred' });
});

test("GIVEN an article dated 2016-11-22 WHEN it says 'a year and a half ago' THEN the event is dated 2015, noting about 2015-05", () => {
  const mention = only('"A year and a half ago, the Russian government proposed a tribunal," Bout recalled.', '2016-11-22');
  assert.deepEqual([mention.date, mention.precision], ['2015', 'year']);
  assert.match(mention.note!, /about 2015-05/);
});

test("GIVEN an article dated 2023-04-09 WHEN it says 'was handed over in December' THEN the event is dated 2022-12 (the month after April is last year's)", () => {
  assert.deepEqual(dated('Bout was handed over to Russia in December in exchange for Griner.', '2023-04-09'), {
    date: '2022-12',
    precision: 'month',
    kind: 'occurred',
  });
});

test("GIVEN an article dated 2023-04-09 WHEN it says 'met in March' THEN the event is dated 2023-03", () => {
  assert.equal(only('They met in March.', '2023-04-09').date, '2023-03');
});

test("GIVEN an article dated 2023-04-09 WHEN it says 'will meet in December' THEN the event is scheduled for 2023-12", () => {
  assert.deepEqual(dated('The two sides will meet in December.', '2023-04-09'), { date: '2023-12', precision: 'month', kind: 'scheduled' });
});

test("GIVEN an article dated 2012-04-08 WHEN it says 'scheduled for May' THEN the meeting is scheduled for 2012-05", () => {
  assert.deepEqual(dated('It may be raised during the meeting at Camp David, scheduled for May.', '2012-04-08'), {
    date: '2012-05',
    precision: 'month',
    kind: 'scheduled',
  });
});

test("GIVEN any article WHEN it says 'could open in early 2024' THEN the event is scheduled (expected) in 2024", () => {
  assert.deepEqual(dated('A trial could open in early 2024.'), { date: '2024', precision: 'year', kind: 'scheduled' });
});

test('GIVEN explicit dates WHEN they name a day, a month or a year THEN each keeps exactly that precision', () => {
  assert.deepEqual(dated('The article appeared on April 08, 2012.'), { date: '2012-04-08', precision: 'day', kind: 'occurred' });
  assert.deepEqual(dated('He was convicted in November 2011 on four counts.'), { date: '2011-11', precision: 'month', kind: 'occurred' });
  assert.deepEqual(dated('In 2010, Bout was extradited to the US.'), { date: '2010', precision: 'year', kind: 'occurred' });
  assert.deepEqual(dated('His 2008 arrest in Bangkok followed years of effort.'), { date: '2008', precision: 'year', kind: 'occurred' });
});

test('GIVEN years that bound or count rather than date WHEN found THEN no date is made of them', () => {
  for (const sentence of [
    'He has been jailed since 2010.',
    'Payments were made before the 2016 US presidential election.',
    'He served from 2008 to 2010.',
    'Trade grew in the 1990s.',
    'He led the 2000 troops home.',
    'Bout was extradited and sentenced over a decade ago.',
    'Fifteen Americans are now jailed in Russia.',
    'No decision was reviewed there over the past 15-20 years.',
  ]) {
    assert.deepEqual(findDateMentions(sentence, '2012-04-08'), [], sentence);
  }
});

test("GIVEN an undated article WHEN it says 'on Friday' or 'in December' THEN no date is invented", () => {
  const friday = only('Bout wrote to Trump on Friday.');
  assert.deepEqual([friday.date, friday.relative], [undefined, true]);
  assert.equal(only('Bout was handed over in December.').date, undefined);
});

test("GIVEN an article dated only by year WHEN it says 'last year' and 'on Monday' THEN the year resolves and the weekday does not", () => {
  const [monday, lastYear] = findDateMentions('On Monday the court denied a retrial it had heard last year.', '2016');
  assert.deepEqual([monday!.text, monday!.date], ['On Monday', undefined]);
  assert.deepEqual([lastYear!.date, lastYear!.precision], ['2015', 'year']);
});

test("GIVEN 'that month' or 'at the time' WHEN found THEN it is marked as pointing to an earlier date of the article", () => {
  assert.deepEqual(only('His wife described that effort in New York that month.').anaphora, { unit: 'month', shift: 0 });
  assert.deepEqual(only('The next year he was extradited.').anaphora, { unit: 'year', shift: 1 });
  assert.deepEqual(only('She was quoted in Tass at the time.').anaphora, { unit: undefined, shift: 0 });
});

test("GIVEN 'next Friday' WHEN the coming Friday and the one after fall in one month THEN only that month is certain", () => {
  assert.deepEqual(dated('They meet next Friday.', '2023-04-03'), { date: '2023-04', precision: 'month', kind: 'scheduled' });
});

test("GIVEN 'yesterday', 'three days ago' and 'earlier this month' WHEN resolved THEN each has its own precision", () => {
  assert.deepEqual(dated('He spoke yesterday.', '2023-04-09'), { date: '2023-04-08', precision: 'day', kind: 'occurred' });
  assert.deepEqual(dated('He left three days ago.', '2023-04-09'), { date: '2023-04-06', precision: 'day', kind: 'occurred' });
  assert.deepEqual(dated('He left earlier this month.', '2023-04-09'), { date: '2023-04', precision: 'month', kind: 'occurred' });
});

test('GIVEN a slash date WHEN day and month could be swapped THEN only its year is kept', () => {
  assert.deepEqual(dated('The filing of 4/5/2012 was sealed.'), { date: '2012', precision: 'year', kind: 'occurred' });
  assert.deepEqual(dated('The filing of 4/25/2012 was sealed.'), { date: '2012-04-25', precision: 'day', kind: 'occurred' });
});

test("GIVEN 'on the morning of August 20, 2020' WHEN resolved THEN the day is kept despite the time of day", () => {
  assert.deepEqual(dated('He may have been poisoned on the morning of August 20, 2020.', '2020-09-03'), {
    date: '2020-08-20',
    precision: 'day',
    kind: 'occurred',
  });
});

test('GIVEN a range of days WHEN resolved THEN only what both ends share is the date', () => {
  assert.deepEqual(dated('Talks were held April 5-7, 2012 in Geneva.'), { date: '2012-04', precision: 'month', kind: 'occurred' });
});

test("GIVEN 'may have been' before a month WHEN resolved THEN it is a hedged past event, counted backwards", () => {
  assert.deepEqual(dated('He may have been poisoned in August.', '2020-09-03'), { date: '2020-08', precision: 'month', kind: 'occurred' });
});

test('GIVEN counts of time after a date ("two days later", "a week earlier", "the next morning") WHEN read THEN they point back to the date named before, by that many days, months or years', () => {
  assert.deepEqual(only('He was released two days later.').anaphora, { unit: 'day', shift: 2 });
  assert.deepEqual(only('A week earlier, the board had met.').anaphora, { unit: 'day', shift: -7 });
  assert.deepEqual(only('Three months later he was freed.').anaphora, { unit: 'month', shift: 3 });
  assert.deepEqual(only('The ruling came a year after.').anaphora, { unit: 'year', shift: 1 });
  assert.deepEqual(only('The next morning, police raided the office.').anaphora, { unit: 'day', shift: 1 });
  assert.deepEqual(only('That evening he flew home.').anaphora, { unit: 'day', shift: 0 });
});

test('GIVEN a count that is a duration or a rough one ("sentenced to two years", "more than two years later", "two days before the trial") WHEN read THEN no date is found', () => {
  assert.deepEqual(findDateMentions('He was freed more than two years later.'), []);
  assert.deepEqual(findDateMentions('About a week later, he left.'), []);
  assert.deepEqual(findDateMentions('He died two days before the trial.'), []);
  assert.deepEqual(findDateMentions('He was sentenced to two years in prison.'), []);
});
