import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTimelineOptions } from '../../src/core/timeline-options.ts';
import { UserError } from '../../src/errors.ts';

test('GIVEN /timeline options WHEN parsed THEN each names its filter, a quoted value keeping its spaces', () => {
  assert.deepEqual(parseTimelineOptions('from:2010 to:2012 person:Lavrov'), { from: '2010', to: '2012', person: 'Lavrov' });
  assert.deepEqual(parseTimelineOptions('around:"April 2012" place:New York'), { around: 'April 2012', place: 'New York' });
});

test('GIVEN a bare year, a range of years or words WHEN parsed THEN they are the period or the topic', () => {
  assert.deepEqual(parseTimelineOptions('2008'), { from: '2008', to: '2008' });
  assert.deepEqual(parseTimelineOptions('2008-2012'), { from: '2008', to: '2012' });
  assert.deepEqual(parseTimelineOptions(' 2008 to 2012 person:Bout'), { person: 'Bout', from: '2008', to: '2012' });
  assert.deepEqual(parseTimelineOptions('prisoner swap'), { topic: 'prisoner swap' });
});

test('GIVEN text that is neither WHEN parsed THEN a UserError shows the syntax', () => {
  for (const text of ['2008 from:2010', 'swap topic:extradition', 'April 5th 2012', 'when:2010']) {
    assert.throws(
      () => parseTimelineOptions(text),
      (error: unknown) => error instanceof UserError && /Example: \/timeline from:2010|Unknown timeline option/.test(error.message),
      text,
    );
  }
});
