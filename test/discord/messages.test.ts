import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ALICE, ASK_CHANNEL_ID, BOB, BOT_USER, GENERAL_CHANNEL_ID, MODERATOR_ROLE_ID, threadPayload } from './emulator-fixtures.ts';
import type { RecordedRequest } from './emulator.ts';
import { startHarness, type Harness } from './harness.ts';
import { pingsOf } from './pings.ts';

const replyTo = (messageId: string) => (r: RecordedRequest) =>
  r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.body?.message_reference?.message_id === messageId;

describe('mentions (default intents)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  test('GIVEN a message mentioning the bot WHEN it arrives THEN it is answered as a reply, citing the corpus file, with mentions disabled', async () => {
    const question = h.emulator.postMessage({
      author: ALICE,
      content: `<@${BOT_USER.id}> Where was Viktor Bout arrested?`,
      channelId: GENERAL_CHANNEL_ID,
    });
    const reply = await h.emulator.waitForRequest(replyTo(question.id));

    assert.equal(reply.path, `/channels/${GENERAL_CHANNEL_ID}/messages`);
    assert.deepEqual(reply.body!.allowed_mentions, { parse: [], replied_user: false });
    assert.equal(reply.body!.embeds[0].title, 'Where was Viktor Bout arrested?');
    assert.match(reply.body!.embeds[0].fields[0].value, /`003_c464dfc57fd8e736\.txt`/);
    assert.deepEqual(pingsOf(reply.body!, { authorId: ALICE.id }), []);
    assert.equal(h.dossier.asked.at(-1)!.question, 'Where was Viktor Bout arrested?');
  });

  test('GIVEN a question containing @everyone, @here, a role and a user mention WHEN the bot replies THEN nobody is pinged', async () => {
    const content = `<@${BOT_USER.id}> @everyone @here <@&${MODERATOR_ROLE_ID}> <@${BOB.id}> where was Bout arrested?`;
    const question = h.emulator.postMessage({ author: ALICE, content, channelId: GENERAL_CHANNEL_ID });
    const reply = await h.emulator.waitForRequest(replyTo(question.id));

    assert.deepEqual(pingsOf(reply.body!, { authorId: ALICE.id }), []);
    assert.deepEqual(reply.body!.allowed_mentions, { parse: [], replied_user: false });
    assert.equal(reply.body!.content, '');
    assert.equal(h.dossier.asked.at(-1)!.question, 'where was Bout arrested?');
  });

  test('GIVEN the core fails WHEN a mention is answered THEN the reply is a short generic message that pings nobody', async () => {
    h.dossier.failNextAsk = new Error('index file truncated');
    const question = h.emulator.postMessage({
      author: ALICE,
      content: `<@${BOT_USER.id}> Where was Bout arrested?`,
      channelId: GENERAL_CHANNEL_ID,
    });
    const reply = await h.emulator.waitForRequest(replyTo(question.id));
    assert.match(reply.body!.content, /^Something went wrong on my side/);
    assert.deepEqual(pingsOf(reply.body!, { authorId: ALICE.id }), []);
  });

  test('GIVEN a thread started on an answer WHEN someone mentions the bot in it THEN the thread’s earlier question is passed as context', async () => {
    const first = h.emulator.postMessage({
      author: ALICE,
      content: `<@${BOT_USER.id}> What did Bout tell TASS?`,
      channelId: GENERAL_CHANNEL_ID,
    });
    await h.emulator.waitForRequest(replyTo(first.id));
    const answerId = [...h.emulator.state.messages.values()].find((m) => m.message_reference?.message_id === first.id)!.id;
    h.emulator.dispatch('THREAD_CREATE', { ...threadPayload(answerId, GENERAL_CHANNEL_ID, ALICE.id), newly_created: true });

    const followUp = h.emulator.postMessage({ author: BOB, content: `<@${BOT_USER.id}> and where is that prison?`, channelId: answerId });
    const reply = await h.emulator.waitForRequest(replyTo(followUp.id));

    assert.deepEqual(h.dossier.asked.at(-1), { question: 'and where is that prison?', context: 'What did Bout tell TASS?' });
    assert.equal(reply.path, `/channels/${answerId}/messages`);
    assert.match(reply.body!.embeds[0].description, /Marion/);
  });

  test('GIVEN no ask channels WHEN a message does not mention the bot THEN it is not answered and its content is not even received', async () => {
    const ignored = h.emulator.postMessage({ author: ALICE, content: 'Where was Viktor Bout arrested?', channelId: GENERAL_CHANNEL_ID });
    const marker = h.emulator.postMessage({
      author: ALICE,
      content: `<@${BOT_USER.id}> Where was Bout arrested?`,
      channelId: GENERAL_CHANNEL_ID,
    });
    await h.emulator.waitForRequest(replyTo(marker.id));
    assert.equal(h.emulator.requests.some(replyTo(ignored.id)), false);
    const channel = h.bot.client.channels.cache.get(GENERAL_CHANNEL_ID);
    assert.equal(channel?.isTextBased() && channel.messages.cache.get(ignored.id)?.content, '');
  });
});

describe('ask channels (MessageContent intent)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ env: { ASK_CHANNEL_IDS: ASK_CHANNEL_ID } });
  });
  after(() => h.close());

  test('GIVEN ASK_CHANNEL_IDS WHEN a plain message is posted there THEN it is answered, while the same message elsewhere is not', async () => {
    const elsewhere = h.emulator.postMessage({ author: ALICE, content: 'What did Bout tell TASS?', channelId: GENERAL_CHANNEL_ID });
    const inAskChannel = h.emulator.postMessage({ author: ALICE, content: 'What did Bout tell TASS?', channelId: ASK_CHANNEL_ID });
    const reply = await h.emulator.waitForRequest(replyTo(inAskChannel.id));

    assert.match(reply.body!.embeds[0].fields[0].value, /`003_c464dfc57fd8e736\.txt`/);
    assert.equal(h.emulator.requests.some(replyTo(elsewhere.id)), false);
  });

  test('GIVEN a thread on an answer WHEN a follow-up without a mention is posted THEN it is answered with the earlier question as context', async () => {
    const first = h.emulator.postMessage({
      author: ALICE,
      content: `<@${BOT_USER.id}> Where was Viktor Bout arrested?`,
      channelId: GENERAL_CHANNEL_ID,
    });
    await h.emulator.waitForRequest(replyTo(first.id));
    await h.bot.whenIdle();
    const answerId = [...h.emulator.state.messages.values()].find((m) => m.message_reference?.message_id === first.id)!.id;
    h.emulator.dispatch('THREAD_CREATE', { ...threadPayload(answerId, GENERAL_CHANNEL_ID, ALICE.id), newly_created: true });

    const followUp = h.emulator.postMessage({ author: ALICE, content: 'and who arrested him?', channelId: answerId });
    await h.emulator.waitForRequest(replyTo(followUp.id));
    assert.deepEqual(h.dossier.asked.at(-1), { question: 'and who arrested him?', context: 'Where was Viktor Bout arrested?' });
  });
});
