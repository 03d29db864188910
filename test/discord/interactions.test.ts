import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ALICE, GENERAL_CHANNEL_ID, MEMBER_PERMISSIONS } from './emulator-fixtures.ts';
import { callbackOf, startHarness, type Harness } from './harness.ts';

const EPHEMERAL = 64;
let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.close());

const run = (name: string) => h.emulator.command({ user: ALICE, name, permissions: MEMBER_PERMISSIONS, channelId: GENERAL_CHANNEL_ID });

test('GIVEN /sources WHEN it runs THEN the reply lists the five corpus files with title, outlet and date', async () => {
  const reply = await h.emulator.waitForRequest(callbackOf(run('sources').token));
  const lines = reply.body!.data.embeds[0].description.split('\n');
  assert.equal(lines.length, 5);
  assert.equal(lines[4], '`004_91ab4689b524ca48.txt` — Russia Intends to Intercede for Bout · The Moscow Times · 2012-04-08');
  assert.equal(reply.body!.data.embeds[0].footer.text, '5 articles · 40 chunks · 7 timeline events · index built 2024-05-01T12:00:00.000Z');
  assert.deepEqual(reply.body!.data.allowed_mentions, { parse: [], replied_user: false });
});

test('GIVEN /help WHEN it runs THEN an ephemeral reply explains how to ask', async () => {
  const reply = await h.emulator.waitForRequest(callbackOf(run('help').token));
  assert.equal(reply.body!.data.flags, EPHEMERAL);
  assert.match(reply.body!.data.content, /`\/ask question:`/);
  assert.match(reply.body!.data.content, /`\/reindex`/);
});

test('GIVEN a command the bot no longer has WHEN it is used THEN an ephemeral reply says how to refresh the list', async () => {
  const reply = await h.emulator.waitForRequest(callbackOf(run('ping').token));
  assert.equal(reply.body!.data.flags, EPHEMERAL);
  assert.match(reply.body!.data.content, /npm run deploy-commands/);
});

test('GIVEN a timeline button whose pages were forgotten WHEN clicked THEN an ephemeral reply asks to run /timeline again', async () => {
  const messageId = h.emulator.postMessage({ author: ALICE, content: 'placeholder', channelId: GENERAL_CHANNEL_ID }).id;
  const click = h.emulator.click({
    user: ALICE,
    customId: 'timeline:999:1',
    messageId,
    permissions: MEMBER_PERMISSIONS,
    channelId: GENERAL_CHANNEL_ID,
  });
  const reply = await h.emulator.waitForRequest(callbackOf(click.token));
  assert.equal(reply.body!.data.flags, EPHEMERAL);
  assert.equal(reply.body!.data.content, 'This timeline has expired — run /timeline again.');
});
