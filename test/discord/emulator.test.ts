// The emulator's fault hooks, checked against the real discord.js client so reliability tests can rely on them.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { Events } from 'discord.js';
import { ALICE, BOT_USER, GENERAL_CHANNEL_ID, MEMBER_PERMISSIONS } from './emulator-fixtures.ts';
import { editOf, startHarness, type Harness } from './harness.ts';

let h: Harness;
// A login or reconnection that never happens would otherwise wait forever: fail after a minute instead.
const RECONNECT = { timeout: 60_000 };
before(async () => {
  h = await startHarness({ emulator: { heartbeatIntervalMs: 150 } });
}, RECONNECT);
after(() => h?.close(), RECONNECT);

const ask = () =>
  h.emulator.command({
    user: ALICE,
    name: 'ask',
    options: { question: 'Where was Viktor Bout arrested?' },
    permissions: MEMBER_PERMISSIONS,
    channelId: GENERAL_CHANNEL_ID,
  });

test('GIVEN the next edit is answered 429 then 502 WHEN /ask replies THEN discord.js retries and the answer arrives', async () => {
  h.emulator.failNext(1, 429, { retryAfterSeconds: 0.05, match: (method) => method === 'PATCH' });
  h.emulator.failNext(1, 502, { match: (method) => method === 'PATCH' });
  const { token } = ask();
  const edit = await h.emulator.waitForRequest((r) => editOf(token)(r) && r.status === 200);
  assert.deepEqual(
    h.emulator.requestsFor(token).map((r) => `${r.method} ${r.status}`),
    ['POST 204', 'PATCH 429', 'PATCH 502', 'PATCH 200'],
  );
  assert.match(edit.body!.embeds[0].description, /Bangkok/);
});

test('GIVEN the gateway closes with 4000 WHEN the client resumes THEN a mention sent meanwhile is still answered', RECONNECT, async () => {
  const before = h.emulator.handshakes;
  const resumed = once(h.bot.client, Events.ShardResume);
  h.emulator.closeGateway(4000);
  const question = h.emulator.postMessage({
    author: ALICE,
    content: `<@${BOT_USER.id}> Where was Bout arrested?`,
    channelId: GENERAL_CHANNEL_ID,
  });
  await resumed;
  // The session was resumed, not replaced: the mention sent while disconnected was replayed to it.
  assert.deepEqual(h.emulator.handshakes.slice(before.length), ['resume']);
  const reply = await h.emulator.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === question.id);
  assert.match(reply.body!.embeds[0].description, /detained in 2008 in Bangkok/);
});

test('GIVEN heartbeats stop being acknowledged WHEN the client notices THEN it reconnects and keeps answering', RECONNECT, async () => {
  const before = h.emulator.handshakes;
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
  assert.deepEqual(h.emulator.handshakes.slice(before.length), ['resume']);
  const { token } = ask();
  const edit = await h.emulator.waitForRequest(editOf(token));
  assert.match(edit.body!.embeds[0].description, /detained in 2008 in Bangkok/);
});

test('GIVEN a follow-up with files WHEN one is over the upload limit THEN it is refused with 40005, else stored as attachments', async () => {
  h.emulator.state.interactions.set('itk-upload', {
    id: '1',
    token: 'itk-upload',
    channelId: GENERAL_CHANNEL_ID,
    acknowledged: true,
    expired: false,
  });
  const upload = (bytes: number) => {
    const form = new FormData();
    form.set(
      'payload_json',
      JSON.stringify({
        content: 'x',
        attachments: [{ id: 0, description: 'a picture' }],
        allowed_mentions: { parse: [], replied_user: false },
      }),
    );
    form.set('files[0]', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'p.png');
    return fetch(`${h.emulator.apiUrl}/v10/webhooks/${h.emulator.applicationId}/itk-upload`, { method: 'POST', body: form });
  };
  const big = await upload(h.emulator.state.attachmentSizeLimit + 1);
  assert.equal(big.status, 413);
  assert.equal(((await big.json()) as { code: number }).code, 40005);
  const small = await upload(1000);
  assert.equal(small.status, 200);
  const message = (await small.json()) as { attachments: { filename: string; size: number; description: string; content_type: string }[] };
  assert.deepEqual(
    message.attachments.map((a) => [a.filename, a.size, a.description, a.content_type]),
    [['p.png', 1000, 'a picture', 'image/png']],
  );
});
