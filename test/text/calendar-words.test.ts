import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCalendarName, MONTH_ABBREVIATIONS, monthNumber, WEEKDAY_NAMES } from '../../src/text/calendar-words.ts';

test('GIVEN month names and abbreviations in any case WHEN numbered THEN they give 1–12, and other words 0', () => {
  assert.deepEqual(['January', 'june', 'Sept.', 'sept', 'Sep', 'DEC', 'Feb.'].map(monthNumber), [1, 6, 9, 9, 9, 12, 2]);
  assert.deepEqual(['Mayor', 'Marching', 'Junes', ''].map(monthNumber), [0, 0, 0, 0]);
});

test('GIVEN the calendar tables WHEN read THEN abbreviations have three letters and weekdays start on Sunday as getUTCDay counts', () => {
  assert.deepEqual(MONTH_ABBREVIATIONS.slice(0, 3), ['Jan', 'Feb', 'Mar']);
  assert.equal(WEEKDAY_NAMES[new Date(Date.UTC(2031, 2, 4)).getUTCDay()], 'Tuesday');
});

test('GIVEN words WHEN asked whether they name a month or weekday THEN only those do', () => {
  assert.deepEqual(['Thursday', 'october', 'Nov.', 'Thursdays', 'harbour'].map(isCalendarName), [true, true, true, false, false]);
});
