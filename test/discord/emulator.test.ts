// The emulator's fault hooks, checked against the real discord.js client so reliability tests can rely on them.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { Events } from 'discord.js';
import { ALICE, BOT_USER, GENERAL_CHANNEL_ID, MEMBER_PERMISSIONS } from './emulator-fixtures.ts';
import { editOf, startHarness, type Harness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness({ emulator: { heartbeatIntervalMs: 150 } });
});
after(() => h.close());

const ask = () => h.emulator.command({ user: ALICE, name: 'ask', options: { question: 'Where was Viktor Bout arrested?' }, permissions: MEMBER_PERMISSIONS, channelId: GENERAL_CHANNEL_ID });

test('GIVEN the next edit is answered 429 then 502 WHEN /ask replies THEN discord.js retries and the answer arrives', async () => {
  h.emulator.failNext(1, 429, { retryAfterSeconds: 0.05, match: (method) => method === 'PATCH' });
  h.emulator.failNext(1, 502, { match: (method) => method === 'PATCH' });
  const { token } = ask();
  const edit = await h.emulator.waitForRequest((r) => editOf(token)(r) && r.status === 200);
  assert.deepEqual(h.emulator.requestsFor(token).map((r) => `${r.method} ${r.status}`), ['POST 204', 'PATCH 429', 'PATCH 502', 'PATCH 200']);
  assert.match(edit.body!.embeds[0].description, /Bangkok/);
});

test('GIVEN the gateway closes with 4000 WHEN the client resumes THEN a mention sent meanwhile is still answered', async () => {
  const resumed = once(h.bot.client, Events.ShardResume);
  h.emulator.closeGateway(4000);
  const question = h.emulator.postMessage({ author: ALICE, content: `<@${BOT_USER.id}> Where was Bout arrested?`, channelId: GENERAL_CHANNEL_ID });
  await resumed;
  await h.emulator.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === question.id);
});

test('GIVEN heartbeats stop being acknowledged WHEN the client notices THEN it reconnects and keeps answering', async () => {
  const reconnected = once(h.bot.client, Events.ShardResume);
  const zombie = new Promise<void>((resolve) => {
    const check = (message: string) => {
      if (!message.includes('Zombie connection')) return;
      h.bot.client.off(Events.Debug, check);
      resolve();
    };
    h.bot.client.on(Events.Debug, check);
  });
  h.emulator.setHeartbeatAcks(false);
  await zombie;
  h.emulator.setHeartbeatAcks(true);
  await reconnected;
  const { token } = ask();
  await h.emulator.waitForRequest(editOf(token));
});
