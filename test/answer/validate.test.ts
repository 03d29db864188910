import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateQuestion } from '../../src/answer/validate.ts';
import { UserError } from '../../src/errors.ts';

test('GIVEN invisible, control and mention characters THEN they are removed and whitespace collapsed', () => {
  assert.equal(validateQuestion('<@123456789> Wh\u200Bere  was\u0000 the\nferry\u202E? @here', 1000), 'Where was the ferry?');
});

test('GIVEN full-width letters THEN they are normalised (NFKC)', () => {
  assert.equal(validateQuestion('Ｗhere?', 1000), 'Where?');
});

test('GIVEN an empty, over-long or wordless question THEN a UserError with its code says what to do', () => {
  assert.throws(() => validateQuestion(' \u200B ', 1000), (e: unknown) => e instanceof UserError && e.code === 'EMPTY_QUESTION');
  assert.throws(() => validateQuestion('x'.repeat(11), 10), (e: unknown) => e instanceof UserError && e.code === 'QUESTION_TOO_LONG' && e.message === 'Your question is 11 characters long; the limit is 10. Ask one short question at a time.');
  assert.throws(() => validateQuestion('?!', 1000), (e: unknown) => e instanceof UserError && e.code === 'NO_WORDS');
  assert.equal(validateQuestion('2008?', 1000), '2008?');
});
