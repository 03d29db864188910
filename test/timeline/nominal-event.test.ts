import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyse } from '../../src/timeline/nlp.ts';
import { nominalEvent } from '../../src/timeline/nominal-event.ts';

test('GIVEN "after his arrest in April 2000" THEN the event is the arrest, owned by the person named before; a date after a plain noun is no such event', () => {
  const sentence = 'Pope spent months in detention after his arrest in April 2000.';
  const index = sentence.indexOf('April 2000');
  assert.equal(nominalEvent(sentence, analyse(sentence).terms, { index, end: index + 10 }, () => 'Pope')!.summary, 'Pope’s arrest');
  const plain = 'He moved after his car in 2001 burned.';
  const at = plain.indexOf('2001');
  assert.equal(nominalEvent(plain, analyse(plain).terms, { index: at, end: at + 4 }), undefined);
});
