import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateQuestion, withoutMentions } from '../../src/answer/validate.ts';
import { UserError } from '../../src/errors.ts';

test('GIVEN mentions of the bot, a user, a role, a channel, @everyone and @here WHEN removed THEN only the question words remain', () => {
  assert.equal(
    withoutMentions('<@1100000000000000001> @everyone  what did <@!123456> and <@&777777> say in <#888888> @here?'),
    'what did and say in ?',
  );
  assert.equal(withoutMentions('<@1100000000000000001>'), '');
});

test('GIVEN @everyone or @here inside a word WHEN mentions are removed THEN they go too, so no echo can ping', () => {
  assert.equal(withoutMentions('ask Bout@everyone or @every@hereone'), 'ask Bout or @every one');
});

test('GIVEN a question wrapped in mentions and spaces WHEN validated THEN the question alone is returned', () => {
  assert.equal(validateQuestion('  <@1100000000000000001>   Where did the ferry   sink? @here ', 100), 'Where did the ferry sink?');
});

test('GIVEN a message that is only a mention WHEN validated THEN it is refused as empty', () => {
  assert.throws(
    () => validateQuestion('<@!1100000000000000001> ', 100),
    (error) => error instanceof UserError && error.code === 'EMPTY_QUESTION',
  );
});

test('GIVEN a question over the limit once mentions are gone WHEN validated THEN the length refused is the cleaned one', () => {
  assert.throws(() => validateQuestion(`<@1100000000000000001> ${'a'.repeat(101)}`, 100), {
    message: 'Your question is 101 characters long; the limit is 100. Ask one short question at a time.',
  });
});

test('GIVEN invisible, control and mention characters THEN they are removed and whitespace collapsed', () => {
  assert.equal(validateQuestion('<@123456789> Wh\u200Bere  was\u0000 the\nferry\u202E? @here', 1000), 'Where was the ferry?');
});

test('GIVEN full-width letters THEN they are normalised (NFKC)', () => {
  assert.equal(validateQuestion('Ｗhere?', 1000), 'Where?');
});

test('GIVEN an empty, over-long or wordless question THEN a UserError with its code says what to do', () => {
  assert.throws(
    () => validateQuestion(' \u200B ', 1000),
    (e: unknown) => e instanceof UserError && e.code === 'EMPTY_QUESTION',
  );
  assert.throws(
    () => validateQuestion('x'.repeat(11), 10),
    (e: unknown) =>
      e instanceof UserError &&
      e.code === 'QUESTION_TOO_LONG' &&
      e.message === 'Your question is 11 characters long; the limit is 10. Ask one short question at a time.',
  );
  assert.throws(
    () => validateQuestion('?!', 1000),
    (e: unknown) => e instanceof UserError && e.code === 'NO_WORDS',
  );
  assert.equal(validateQuestion('2008?', 1000), '2008?');
});
