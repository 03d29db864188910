import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { UserError } from '../../src/errors.ts';
import { answerEmbed } from '../../src/discord/answer-embed.ts';
import { ALICE, BOB, BOT_USER, GENERAL_CHANNEL_ID, GUILD_ID, MEMBER_PERMISSIONS, messagePayload } from './emulator-fixtures.ts';
import { callbackOf, editOf, startHarness, type Harness } from './harness.ts';

const EPHEMERAL = 64;
let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.close());

const ask = (question: string, user = ALICE) =>
  h.emulator.command({ user, name: 'ask', options: { question }, permissions: MEMBER_PERMISSIONS, channelId: GENERAL_CHANNEL_ID });

test('GIVEN /ask "Where was Viktor Bout arrested?" WHEN it runs THEN the first REST call defers and the edit is an embed citing 003_c464dfc57fd8e736.txt', async () => {
  const { token } = ask('Where was Viktor Bout arrested?');
  const edit = await h.emulator.waitForRequest(editOf(token));

  const calls = h.emulator.requestsFor(token);
  assert.equal(calls[0]!.path.endsWith('/callback'), true);
  assert.deepEqual(calls[0]!.body, { type: 5, data: { flags: 0 } });
  const embed = edit.body!.embeds[0];
  assert.equal(embed.title, 'Where was Viktor Bout arrested?');
  assert.match(embed.description, /detained in 2008 in Bangkok, Thailand \[1\]/);
  assert.equal(embed.fields[0].name, 'Sources');
  assert.match(
    embed.fields[0].value,
    /^\[1\] `003_c464dfc57fd8e736\.txt` — Businessman Bout jailed in US hopes for Russian government assisstance\n> Bout was detained in 2008 in Bangkok, Thailand/,
  );
  assert.match(embed.fields[0].value, /\[2\] `002_46d3cbafd3f6e099\.txt`/);
  assert.deepEqual(edit.body!.allowed_mentions, { parse: [], replied_user: false });
  assert.deepEqual(
    edit.body!.components[0].components.map((b: { emoji: { name: string } }) => b.emoji.name),
    ['👍', '👎'],
  );
});

test('GIVEN the core throws an unexpected error WHEN /ask runs THEN the deferred reply is edited with a short generic message and the error is logged', async () => {
  h.dossier.failNextAsk = new Error('embedding model crashed at /secret/path');
  const { token } = ask('Where was Viktor Bout arrested?');
  const edit = await h.emulator.waitForRequest(editOf(token));

  assert.match(edit.body!.content, /^Something went wrong on my side/);
  assert.deepEqual(edit.body!.embeds, []);
  assert.doesNotMatch(edit.body!.content, /secret/);
  assert.ok(
    h.log.records().some((r) => r.msg === 'question failed' && (r.err as { message: string }).message.includes('embedding model crashed')),
  );
});

test('GIVEN the core refuses the question with a UserError WHEN /ask runs THEN the user sees that message', async () => {
  h.dossier.failNextAsk = new UserError('Your question has no words I can search for; try rephrasing it.');
  const { token } = ask('What about the zzyzx?');
  const edit = await h.emulator.waitForRequest(editOf(token));
  assert.equal(edit.body!.content, 'Your question has no words I can search for; try rephrasing it.');
});

test('GIVEN a question longer than MAX_QUESTION_CHARS WHEN /ask runs THEN an ephemeral reply says so and the core is not asked', async () => {
  const before = h.dossier.asked.length;
  const { token } = ask('why '.repeat(400));
  const reply = await h.emulator.waitForRequest(callbackOf(token));
  assert.equal(reply.body!.type, 4);
  assert.equal(reply.body!.data.flags, EPHEMERAL);
  assert.match(reply.body!.data.content, /is 1599 characters long; the limit is 1000/);
  assert.equal(h.dossier.asked.length, before);
});

test('GIVEN a question of punctuation only WHEN /ask runs THEN an ephemeral reply asks for words and the core is not asked', async () => {
  const before = h.dossier.asked.length;
  const { token } = ask('??? <@1100000000000000001>');
  const reply = await h.emulator.waitForRequest(callbackOf(token));
  assert.deepEqual([reply.body!.type, reply.body!.data.flags], [4, EPHEMERAL]);
  assert.equal(reply.body!.data.content, 'Your question has no words in it. Ask something about the case in words.');
  assert.equal(h.dossier.asked.length, before);
});

test('GIVEN an answer WHEN a member clicks 👎 THEN a JSONL line records question, answer, sources, user and vote, and the member is thanked privately', async () => {
  const { id, token } = ask('Where was Bout held in prison?');
  await h.emulator.waitForRequest(editOf(token));
  const messageId = h.emulator.state.interactions.get(token)!.originalId!;

  const click = h.emulator.click({
    user: BOB,
    customId: `feedback:down:${id}`,
    messageId,
    permissions: MEMBER_PERMISSIONS,
    channelId: GENERAL_CHANNEL_ID,
  });
  const thanks = await h.emulator.waitForRequest(callbackOf(click.token));

  assert.equal(thanks.body!.data.flags, EPHEMERAL);
  assert.match(thanks.body!.data.content, /👎 was recorded/);
  const lines = (await readFile(join(h.dataDir, 'feedback.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(lines.length, 1);
  assert.equal(lines[0].vote, 'down');
  assert.equal(lines[0].userId, BOB.id);
  assert.equal(lines[0].messageId, messageId);
  assert.equal(lines[0].question, 'Where was Bout held in prison?');
  assert.match(lines[0].answer, /^Bout served his 25-year sentence/);
  assert.deepEqual(
    lines[0].sources.map((s: { source: string }) => s.source),
    ['002_46d3cbafd3f6e099.txt', '003_c464dfc57fd8e736.txt'],
  );
});

test('GIVEN an answer the bot no longer remembers (given before a restart) WHEN 👍 is clicked THEN the vote is recorded from the message itself', async () => {
  const answer = await h.dossier.ask('What did Bout tell TASS?');
  const message = messagePayload({ channelId: GENERAL_CHANNEL_ID, guildId: GUILD_ID, author: BOT_USER, embeds: [answerEmbed(answer)] });
  h.emulator.state.messages.set(message.id, message);

  const click = h.emulator.click({
    user: ALICE,
    customId: 'feedback:up:1234',
    messageId: message.id,
    permissions: MEMBER_PERMISSIONS,
    channelId: GENERAL_CHANNEL_ID,
  });
  await h.emulator.waitForRequest(callbackOf(click.token));
  const last = JSON.parse((await readFile(join(h.dataDir, 'feedback.jsonl'), 'utf8')).trim().split('\n').at(-1)!);
  assert.deepEqual([last.vote, last.userId, last.question], ['up', ALICE.id, 'What did Bout tell TASS?']);
  assert.deepEqual(last.sources, [
    { n: 1, source: '003_c464dfc57fd8e736.txt', quote: 'I expect that our government will take some particular steps.' },
  ]);
});
