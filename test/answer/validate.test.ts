import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateQuestion, withoutMentions } from '../../src/answer/validate.ts';
import { UserError } from '../../src/errors.ts';

test('GIVEN mentions of the bot, a user, a role, a channel, @everyone and @here WHEN removed THEN only the question words remain', () => {
  assert.equal(withoutMentions('<@1100000000000000001> @everyone  what did <@!123456> and <@&777777> say in <#888888> @here?'), 'what did and say in ?');
  assert.equal(withoutMentions('<@1100000000000000001>'), '');
});

test('GIVEN @everyone or @here inside a word WHEN mentions are removed THEN they go too, so no echo can ping', () => {
  assert.equal(withoutMentions('ask Bout@everyone or @every@hereone'), 'ask Bout or @every one');
});

test('GIVEN a question wrapped in mentions and spaces WHEN validated THEN the question alone is returned', () => {
  assert.equal(validateQuestion('  <@1100000000000000001>   Where did the ferry   sink? @here ', 100), 'Where did the ferry sink?');
});

test('GIVEN a message that is only a mention WHEN validated THEN it is refused as empty', () => {
  assert.throws(() => validateQuestion('<@!1100000000000000001> ', 100), (error) => error instanceof UserError && error.code === 'EMPTY_QUESTION');
});

test('GIVEN a question over the limit once mentions are gone WHEN validated THEN the length refused is the cleaned one', () => {
  assert.throws(() => validateQuestion(`<@1100000000000000001> ${'a'.repeat(101)}`, 100), { message: 'Your question is 101 characters long; the limit is 100. Ask one short question at a time.' });
});
