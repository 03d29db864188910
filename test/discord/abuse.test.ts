import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ALICE, BOB, BOT_USER, GENERAL_CHANNEL_ID, MEMBER_PERMISSIONS, MOD } from './emulator-fixtures.ts';
import type { RecordedRequest } from './emulator.ts';
import { callbackOf, editOf, startHarness, type Harness } from './harness.ts';
import { pingsOf } from './pings.ts';

const EPHEMERAL = 64;
let h: Harness;
before(async () => {
  h = await startHarness({ env: { ASK_COOLDOWN_SECONDS: '60' } });
});
after(() => h.close());

const ask = (user = ALICE) =>
  h.emulator.command({
    user,
    name: 'ask',
    options: { question: 'Where was Bout arrested?' },
    permissions: MEMBER_PERMISSIONS,
    channelId: GENERAL_CHANNEL_ID,
  });
const replyTo = (messageId: string) => (r: RecordedRequest) => r.method === 'POST' && r.body?.message_reference?.message_id === messageId;

test('GIVEN a 60 s cooldown WHEN a member asks twice THEN the second /ask is refused ephemerally without reaching the core, and another member is still answered', async () => {
  await h.emulator.waitForRequest(editOf(ask().token));
  const asked = h.dossier.asked.length;

  const again = ask();
  const refusal = await h.emulator.waitForRequest(callbackOf(again.token));
  assert.equal(refusal.body!.data.flags, EPHEMERAL);
  assert.match(refusal.body!.data.content, /^You're asking quickly — please wait (59|60) s before your next question\.$/);
  assert.equal(h.dossier.asked.length, asked);

  const other = await h.emulator.waitForRequest(editOf(ask(BOB).token));
  assert.equal(other.body!.embeds.length, 1);
});

test('GIVEN a member on cooldown WHEN they mention the bot THEN the reply tells them to wait and pings nobody', async () => {
  const message = h.emulator.postMessage({ author: ALICE, content: `<@${BOT_USER.id}> and again?`, channelId: GENERAL_CHANNEL_ID });
  const reply = await h.emulator.waitForRequest(replyTo(message.id));
  assert.match(reply.body!.content, /^You're asking quickly/);
  assert.deepEqual(pingsOf(reply.body!, { authorId: ALICE.id }), []);
});

test('GIVEN one member flooding 30 /ask at once WHEN the cooldown holds THEN 29 get ephemeral cooldown replies, the core sees one, and another member is still answered', async () => {
  const before = h.dossier.asked.length;
  const carol = { id: '1100000000000000009', username: 'carol' };
  const flood = Array.from({ length: 30 }, () => ask(MOD));
  const other = ask(carol);
  const callbacks = await Promise.all(flood.map((interaction) => h.emulator.waitForRequest(callbackOf(interaction.token))));
  const refusals = callbacks.filter(
    (callback) => callback.body!.data?.flags === EPHEMERAL && /^You're asking quickly/.test(callback.body!.data.content),
  );
  assert.equal(refusals.length, 29);
  const answered = await h.emulator.waitForRequest(editOf(other.token));
  assert.equal(answered.body!.embeds.length, 1);
  await h.bot.whenIdle();
  assert.equal(h.dossier.asked.length - before, 2, 'one question from the flooder, one from the other member');
});
