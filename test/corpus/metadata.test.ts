import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { splitLines } from '../../src/corpus/clean.ts';
import { extractMetadata } from '../../src/corpus/metadata.ts';
import type { ArticleMeta } from '../../src/corpus/types.ts';

const meta = (text: string) => extractMetadata(splitLines(text));
const body = 'The harbour authority said on Tuesday that the contract signed with the dredging company in March would be reviewed by an independent panel before any further payment was made to it.';

test('GIVEN a breadcrumb opening the page WHEN metadata is read THEN its first item is the outlet and the headline below it the title', () => {
  assert.deepEqual(meta(`Northshore Herald > Business > Ports\n\nHarbour contract goes to review after audit finds gaps\n\n${body}`), {
    title: 'Harbour contract goes to review after audit finds gaps',
    outlet: 'Northshore Herald',
  });
});

test('GIVEN a breadcrumb starting at Home WHEN metadata is read THEN no outlet is named', () => {
  assert.deepEqual(meta(`Home > Business > Ports\nHarbour contract goes to review after audit finds gaps\n${body}`), {
    title: 'Harbour contract goes to review after audit finds gaps',
  });
});

test('GIVEN a masthead in capitals, a section line and a publication line WHEN read THEN outlet, headline and day are told apart', () => {
  const page = `NORTHSHORE HERALD\nCity | Courts\n\nHarbour contract goes to review after audit finds gaps\n\nPublished: 04.03.2024, 08:15 | Updated: 05.03.2024, 10:00\n\n${body}`;
  assert.deepEqual(meta(page), { title: 'Harbour contract goes to review after audit finds gaps', outlet: 'NORTHSHORE HERALD', date: '2024-03-04' });
});

test('GIVEN a single word at the top WHEN read THEN it is not taken for an outlet (it may be a section)', () => {
  assert.deepEqual(meta(`OPINION\nMarch 4, 2024\nHarbour contract goes to review after audit finds gaps\n${body}`), {
    title: 'Harbour contract goes to review after audit finds gaps',
    date: '2024-03-04',
  });
});

test('GIVEN a masthead directly above the headline WHEN read THEN it is not taken for an outlet (it may be a kicker)', () => {
  assert.deepEqual(meta(`Harbour Scandal Widens\nHarbour contract goes to review after audit finds gaps\n${body}`), {
    title: 'Harbour contract goes to review after audit finds gaps',
  });
});

test('GIVEN a site header with a tagline, a menu, a section and a byline of parts WHEN read THEN each field comes from its own part', () => {
  const page = [
    'Quayside Weekly | News from the waterfront',
    'Home Ports Shipping Markets Opinion Events Subscribe',
    'Search ...',
    'Login | Register',
    'Markets',
    'Dredging firm loses harbour contract after audit',
    'By Desk Editor | March 4, 2024 | 3 min read',
    body,
  ].join('\n');
  assert.deepEqual(meta(page), { title: 'Dredging firm loses harbour contract after audit', outlet: 'Quayside Weekly', author: 'Desk Editor', date: '2024-03-04' });
});

test('GIVEN a magazine layout with a section line and a "Text:" credit WHEN read THEN the section is no title and the credit is the author', () => {
  const page = `Tidewater Magazine\n\nPROFILES / THE HARBOUR MASTER\n\n'Every ship has a voice': forty years on the quay with Anna Pell\n\nText: Mara Lind\n\n${body}`;
  assert.deepEqual(meta(page), {
    title: "'Every ship has a voice': forty years on the quay with Anna Pell",
    outlet: 'Tidewater Magazine',
    author: 'Mara Lind',
  });
});

test('GIVEN a wire dateline naming its agency in slashes or brackets WHEN read THEN the agency is the outlet and a date without a year is no date', () => {
  assert.deepEqual(meta(`Harbour contract goes to review\n\nPORTVILLE, Eastland, Mar. 4 /Coastal News Agency/ — ${body}`), {
    title: 'Harbour contract goes to review',
    outlet: 'Coastal News Agency',
  });
  assert.deepEqual(meta(`Harbour contract goes to review\n\nPORTVILLE (Coastwire) — ${body}`), { title: 'Harbour contract goes to review', outlet: 'Coastwire' });
});

// A header of a headline, one line under test, then the text.
const withLine = (line: string) => meta(`Harbour contract goes to review\n${line}\n\n${body}`);

test('GIVEN dates written in different ways WHEN read THEN each gives its day, and a weekday or a day without a year gives none', () => {
  const days: [string, string | undefined][] = [
    ['4 March 2024', '2024-03-04'],
    ['March 4, 2024', '2024-03-04'],
    ['Posted on Monday 4 March 2024 at 10:41', '2024-03-04'],
    ['Mon, Mar 4, 2024 10:41 AM EST', '2024-03-04'],
    ['Updated 2024-03-04', '2024-03-04'],
    ['By Jane Roe, March 4, 2024', '2024-03-04'],
    ['04.03.2024', '2024-03-04'], // a dotted date is day first
    ['17/06/2024', '2024-06-17'],
    ['04/03/2024', undefined], // April 3 or 4 March: the text does not say which
    ['March 4', undefined],
    ['Monday', undefined],
    ['Today, 10:41', undefined],
  ];
  for (const [line, day] of days) assert.equal(withLine(line).date, day, line);
  assert.equal(meta(`date 2024-03-04 ${body}`).date, '2024-03-04');
  assert.equal(meta(`Harbour contract goes to review\n\n${body} It was signed on 4 March 2024.`).date, undefined, 'a date inside a sentence is not the date of the article');
});

test('GIVEN bylines of several kinds WHEN read THEN the name alone is the author, and a sentence starting with "By" names no one', () => {
  const authors: Record<string, string | undefined> = {
    'By Jane Roe': 'Jane Roe',
    'Words: Jane Roe · Photos: Ola Berg': 'Jane Roe',
    'By Jane Roe on March 4, 2024': 'Jane Roe',
    'Written by Jane Roe and Ola Berg': 'Jane Roe and Ola Berg',
    'By 2019 the harbour had two dredgers': undefined,
  };
  for (const [line, author] of Object.entries(authors)) assert.equal(withLine(line).author, author, line);
  assert.equal(meta(`Harbour contract goes to review\n\n${body}\n\nAuthor: Jane Roe`).author, 'Jane Roe');
});

test('GIVEN a page without a headline, only a name-shaped line WHEN read THEN that line is the title, and an all-caps name alone is none', () => {
  assert.deepEqual(meta(`The Merchant of the Harbour\n\n${body}`), { title: 'The Merchant of the Harbour' });
  assert.deepEqual(meta(`NORTHSHORE HERALD TODAY\n\n${body}`), {});
  assert.deepEqual(meta(`He told the court: “We will appeal.”\n\n${body}`), {}, 'a quoted sentence is no headline');
  assert.deepEqual(meta(`The court ruled on Friday for the harbour.\n\nWhat happens next\n\n${body}`), {}, 'a subheading below the first paragraph is no headline');
});

// What each evaluation article states about itself, by corpus folder and file.
const STATED: Record<string, ArticleMeta> = {
  'corpus-b/000_7152fc1481855df5.txt': {
    title: 'The captain who went ashore: how Kosmas Varelidis built a tanker business, and lost it in a hotel lobby',
    outlet: 'Mesogeios Review',
    author: 'Alexis Drummond-Katsaros',
    date: '2023-10-02',
  },
  'corpus-b/001_d938fc3105a7ddc0.txt': { title: 'Greek shipowner held in Montenegro on U.S. Iran-oil warrant', outlet: 'Adriatic Press Wire' },
  'corpus-b/002_2198c7ecb8586425.txt': {
    title: 'Shipowner Varelidis walks free in Athens two days after transfer from US prison',
    outlet: 'ATTICA EVENING DISPATCH',
    date: '2025-05-23',
    url: 'https://www.atticadispatch.gr/greece/justice/varelidis-free-korydallos-230525',
  },
  'corpus-b/003_608a6c86a6d73317.txt': {
    title: 'Varelidis gets 14 years in US prison for Iran oil scheme',
    outlet: 'Bluewater Bulletin',
    author: 'Staff Reporter',
    date: '2016-06-17',
  },
  'corpus-b/004_a44a8d0d87742240.md': {
    title: 'Athens formally asks Washington to send jailed shipowner Varelidis home',
    outlet: 'The Piraeus Chronicle',
    author: 'Katerina Loizou',
    date: '2020-02-11',
    url: 'https://www.piraeuschronicle.gr/2020/02/11/athens-asks-washington-varelidis-transfer',
  },
  'corpus-b/005_4b1be030787190c5.txt': {
    title: "'He is a sailor, not a smuggler': the wife of a jailed Greek shipowner on the letter that sent them back to the start",
    outlet: 'Saltline Magazine',
    author: 'Elena Vasdeki',
  },
  'corpus-b/006_726f3c87a7f66512.txt': { date: '2018-08-24' },
  'corpus-a/000_538beb675e1a6ae0.txt': { date: '2023-04-09' },
  'corpus-a/001_8cf058473a78eb62.txt': {
    title: '‘You’ll be welcome’: Arms dealer Viktor Bout offers Trump refuge in Russia',
    outlet: 'BFM TV',
    author: 'LA with AFP',
  },
  'corpus-a/002_46d3cbafd3f6e099.txt': { title: 'Russia cites virus fears to press for Viktor Bout release from prison' },
  'corpus-a/003_c464dfc57fd8e736.txt': { title: 'Businessman Bout jailed in US hopes for Russian government assisstance', outlet: 'TASS' },
  'corpus-a/004_91ab4689b524ca48.txt': {
    title: 'Russia Intends to Intercede for Bout',
    outlet: 'The Moscow Times',
    author: 'Alexander Bratersky',
    date: '2012-04-08',
    url: 'https://www.themoscowtimes.com/2012/04/08/russia-intends-to-intercede-for-bout-a13906',
  },
};

test('GIVEN the evaluation corpora WHEN their metadata is read THEN headline, outlet, author and date come from the lines that state them', () => {
  for (const [file, stated] of Object.entries(STATED)) {
    assert.deepEqual(meta(readFileSync(new URL(`../../eval/${file}`, import.meta.url), 'utf8')), stated, file);
  }
});
