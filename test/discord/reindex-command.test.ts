import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ALICE, BOB, GENERAL_CHANNEL_ID, MANAGER_PERMISSIONS, MEMBER_PERMISSIONS, MOD, MODERATOR_ROLE_ID } from './emulator-fixtures.ts';
import type { RecordedRequest } from './emulator.ts';
import { callbackOf, editOf, startHarness, type Harness } from './harness.ts';

const EPHEMERAL = 64;
let h: Harness;
before(async () => {
  h = await startHarness({ env: { MODERATOR_ROLE_IDS: MODERATOR_ROLE_ID } });
});
after(() => h.close());

const reindex = (user = MOD, permissions = MANAGER_PERMISSIONS, roles: string[] = []) =>
  h.emulator.command({ user, name: 'reindex', permissions, roles, channelId: GENERAL_CHANNEL_ID });
const editsOf = (token: string) =>
  h.emulator
    .requestsFor(token)
    .filter(editOf(token))
    .map((r) => String(r.body!.content));
const editMatching = (token: string, pattern: RegExp) => (r: RecordedRequest) => editOf(token)(r) && pattern.test(String(r.body?.content));

test('GIVEN a member without Manage Server or a moderator role WHEN they run /reindex THEN they are refused ephemerally and nothing is rebuilt', async () => {
  const { token } = reindex(ALICE, MEMBER_PERMISSIONS);
  const reply = await h.emulator.waitForRequest(callbackOf(token));

  assert.equal(reply.body!.type, 4);
  assert.equal(reply.body!.data.flags, EPHEMERAL);
  assert.match(reply.body!.data.content, /^Only moderators can run \/reindex/);
  assert.equal(h.emulator.requestsFor(token).length, 1);
  assert.equal(h.dossier.reindexProgress(), undefined);
});

test('GIVEN a moderator WHEN /reindex runs THEN its reply shows progress, questions asked meanwhile are answered, a second /reindex is told it runs, and a summary ends it', async () => {
  const release = h.dossier.holdReindex();
  const { token } = reindex();
  await h.emulator.waitForRequest(
    editMatching(token, /Embedding chunks\n`▰{10}▱{10} 50%`\n5 files · 20\/40 chunks embedded/),
    5000,
    'a progress edit at 50%',
  );

  const question = h.emulator.command({
    user: BOB,
    name: 'ask',
    options: { question: 'Where was Viktor Bout arrested?' },
    permissions: MEMBER_PERMISSIONS,
    channelId: GENERAL_CHANNEL_ID,
  });
  const answer = await h.emulator.waitForRequest(editOf(question.token));
  assert.match(answer.body!.embeds[0].fields[0].value, /003_c464dfc57fd8e736\.txt/);

  const second = reindex(MOD, MEMBER_PERMISSIONS, [MODERATOR_ROLE_ID]);
  const busy = await h.emulator.waitForRequest(callbackOf(second.token));
  assert.equal(busy.body!.data.flags, EPHEMERAL);
  assert.match(
    busy.body!.data.content,
    /^A reindex is already running; questions are still answered .*\n\*\*Reindexing…\*\* Embedding chunks/,
  );

  release();
  const summary = await h.emulator.waitForRequest(editMatching(token, /Reindex finished/), 5000, 'the summary edit');
  assert.match(String(summary.body!.content), /Changed 1: `003_c464dfc57fd8e736\.txt`\n.*Unchanged 4 · 40 chunks · 7 timeline events/s);
  assert.deepEqual(summary.body!.allowed_mentions, { parse: [], replied_user: false });
  assert.equal(editsOf(token).at(-1), summary.body!.content);
  assert.deepEqual(h.emulator.requestsFor(token)[0]!.body, { type: 5, data: { flags: 0 } });
});

test('GIVEN the interaction token expires during a reindex WHEN it finishes THEN the summary is posted as a channel message instead', async () => {
  const release = h.dossier.holdReindex();
  const { token } = reindex();
  await h.emulator.waitForRequest(editMatching(token, /Embedding chunks/));
  h.emulator.expireToken(token);
  release();

  const posted = await h.emulator.waitForRequest(
    (r) => r.method === 'POST' && r.path === `/channels/${GENERAL_CHANNEL_ID}/messages` && /Reindex finished/.test(String(r.body?.content)),
  );
  assert.match(posted.body!.content, new RegExp(`Requested by <@${MOD.id}> with /reindex\\.$`));
  assert.deepEqual(posted.body!.allowed_mentions, { parse: [], replied_user: false });
});

test('GIVEN Discord keeps failing the final edit WHEN a reindex finishes THEN the summary goes to the channel and no log line holds the interaction token', async () => {
  const { token } = reindex();
  h.emulator.failNext(20, 500, { match: (method, path) => method === 'PATCH' && path.includes(token) });
  await h.emulator.waitForRequest(
    (r) => r.method === 'POST' && r.path === `/channels/${GENERAL_CHANNEL_ID}/messages` && /Reindex finished/.test(String(r.body?.content)),
  );
  await h.bot.whenIdle();
  assert.ok(h.log.records().some((r) => r.msg === 'could not edit the final reply; posting in the channel'));
  assert.equal(
    h.log.lines.some((line) => line.includes(token)),
    false,
  );
  assert.equal(
    h.log.lines.some((line) => line.includes(h.emulator.token)),
    false,
  );
});
