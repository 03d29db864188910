import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, commonDate, commonPrefix, compatible, dayNumber, isoDay, parseDate } from '../../src/timeline/calendar.ts';

test('GIVEN a range of days WHEN reduced to a date THEN it keeps only what every day shares', () => {
  assert.deepEqual(commonDate(dayNumber(2023, 4, 7), dayNumber(2023, 4, 7)), { date: '2023-04-07', precision: 'day' });
  assert.deepEqual(commonDate(dayNumber(2023, 4, 3), dayNumber(2023, 4, 9)), { date: '2023-04', precision: 'month' });
  assert.deepEqual(commonDate(dayNumber(2023, 3, 27), dayNumber(2023, 4, 2)), { date: '2023', precision: 'year' });
  assert.equal(commonDate(dayNumber(2022, 12, 28), dayNumber(2023, 1, 3)), undefined);
  assert.deepEqual(commonPrefix(['2023-04-04', '2023-04-11']), { date: '2023-04', precision: 'month' });
});

test('GIVEN date strings WHEN parsed THEN only real dates of 4, 7 or 10 characters are accepted', () => {
  assert.deepEqual(parseDate('2012'), { first: dayNumber(2012, 1, 1), last: dayNumber(2012, 12, 31), precision: 'year' });
  assert.deepEqual(parseDate('2012-02'), { first: dayNumber(2012, 2, 1), last: dayNumber(2012, 2, 29), precision: 'month' });
  assert.equal(parseDate('2012-02-30'), undefined);
  assert.equal(parseDate('2012-13'), undefined);
  assert.equal(parseDate('April 2012'), undefined);
});

test('GIVEN month arithmetic WHEN the target month is shorter THEN the day is clamped', () => {
  assert.equal(isoDay(addMonths(dayNumber(2016, 11, 22), -18)), '2015-05-22');
  assert.equal(isoDay(addMonths(dayNumber(2023, 1, 31), 1)), '2023-02-28');
});

test('GIVEN two dates WHEN one contains the other THEN they are compatible', () => {
  assert.equal(compatible('2012', '2012-04-05'), true);
  assert.equal(compatible('2012-04', '2012-05'), false);
});
