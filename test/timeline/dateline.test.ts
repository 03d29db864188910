import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Article } from '../../src/corpus/types.ts';
import { findDateline, isWireDateline } from '../../src/timeline/dateline.ts';

const article = (text: string, date?: string) =>
  ({ source: 'a.txt', hash: 'h', text, clean: text, offsets: [], meta: date ? { date } : {}, sentences: [] }) as unknown as Article;

test('GIVEN an article whose metadata has a date THEN that is its dateline', () => {
  assert.deepEqual(findDateline(article('MOSCOW, November 22. Text.', '2012-04-08')), { date: '2012-04-08' });
});

test('GIVEN a wire dateline without a year THEN its month and day are kept, the year left open', () => {
  assert.deepEqual(findDateline(article('MOSCOW, November 22. /TASS/. Bout said he hoped for help.')), {
    monthDay: { month: 11, day: 22, text: 'MOSCOW, November 22' },
  });
});

test('GIVEN a dated header line or a dotted date THEN the full date is read from it', () => {
  assert.deepEqual(findDateline(article('Harbour appeal heard\nBy Staff | June 17, 2016 | 4 min read\n\nThe court met.')), {
    date: '2016-06-17',
  });
  assert.deepEqual(findDateline(article('Harbour appeal heard\n03.04.2019\n\nThe court met.')), { date: '2019-04-03' });
});

test('GIVEN no date near the top THEN the dateline is empty', () => {
  assert.deepEqual(findDateline(article('Harbour appeal heard\n\nThe court met on Friday.')), {});
});

test('GIVEN sentences THEN only a place in capitals followed by a date is a wire dateline', () => {
  assert.equal(isWireDateline('MOSCOW, November 22. /TASS/.'), true);
  assert.equal(isWireDateline('BUDVA, Montenegro, Nov. 9 /Adriatic Press Wire/ —'), true);
  assert.equal(isWireDateline('Moscow, a big city, in November.'), false);
});
