import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ALICE, BOB, GENERAL_CHANNEL_ID, MEMBER_PERMISSIONS } from './emulator-fixtures.ts';
import { callbackOf, editOf, startHarness, type Harness } from './harness.ts';
import { FakeDossier, MANY_EVENTS } from './fake-dossier.ts';

const EPHEMERAL = 64;
// The case's seven events after thirteen earlier fillers (real quotes, dated 1990–2002): twenty events, three pages.

let h: Harness;
before(async () => {
  h = await startHarness({ dossier: new FakeDossier(MANY_EVENTS) });
});
after(() => h.close());

const timeline = (options: Record<string, string> = {}, user = ALICE) =>
  h.emulator.command({ user, name: 'timeline', options, permissions: MEMBER_PERMISSIONS, channelId: GENERAL_CHANNEL_ID });

test('GIVEN from 2010 and to 2012 WHEN /timeline runs THEN only events of 2010–2012 are listed, one line each, with their sources below', async () => {
  const { token } = timeline({ from: '2010', to: '2012' });
  const edit = await h.emulator.waitForRequest(editOf(token));
  const embed = edit.body!.embeds[0];

  assert.equal(embed.title, 'Timeline — from 2010 · to 2012');
  const [lines, sources] = embed.description.split('\n\n**Sources**\n');
  assert.deepEqual(lines.split('\n'), [
    '**2010** — Bout extradited to the United States [1]',
    '**Nov 2011** — Bout convicted on four conspiracy counts [2]',
    '**Apr 5, 2012** — Bout sentenced in New York [3]',
    '**Apr 11, 2012** — Lavrov starts a visit to Washington (scheduled) [3]',
  ]);
  assert.deepEqual(sources.split('\n'), [
    '[1] `003_c464dfc57fd8e736.txt` — Businessman Bout jailed in US hopes for Russian government assisstance',
    '[2] `002_46d3cbafd3f6e099.txt` — Russia cites virus fears to press for Viktor Bout release from prison',
    '[3] `004_91ab4689b524ca48.txt` — Russia Intends to Intercede for Bout (2012-04-08)',
  ]);
  assert.deepEqual(edit.body!.components, []);
  assert.equal(embed.footer.text, 'Page 1 of 1 · 4 of 20 events (16 left out by the filters: from 2010, to 2012)');
});

test('GIVEN more events than fit on a page WHEN the asker clicks Next THEN page 2 is shown, and another member clicking is refused privately', async () => {
  const { id, token } = timeline();
  const first = await h.emulator.waitForRequest(editOf(token));
  assert.equal(first.body!.embeds[0].footer.text, 'Page 1 of 3 · 20 events');
  const [previous, , next] = first.body!.components[0].components;
  assert.deepEqual([previous.label, previous.disabled, next.label, next.disabled], ['Previous', true, 'Next', false]);
  const messageId = h.emulator.state.interactions.get(token)!.originalId!;

  const stranger = h.emulator.click({
    user: BOB,
    customId: next.custom_id,
    messageId,
    permissions: MEMBER_PERMISSIONS,
    channelId: GENERAL_CHANNEL_ID,
  });
  const refusal = await h.emulator.waitForRequest(callbackOf(stranger.token));
  assert.equal(refusal.body!.data.flags, EPHEMERAL);
  assert.match(refusal.body!.data.content, /^Only the person who ran this \/timeline can turn its pages/);

  const asker = h.emulator.click({
    user: ALICE,
    customId: next.custom_id,
    messageId,
    permissions: MEMBER_PERMISSIONS,
    channelId: GENERAL_CHANNEL_ID,
  });
  const update = await h.emulator.waitForRequest(callbackOf(asker.token));
  assert.equal(update.body!.type, 7);
  assert.equal(update.body!.data.embeds[0].footer.text, 'Page 2 of 3 · 20 events');
  assert.match(update.body!.data.embeds[0].description, /^\*\*1998\*\* — Filler event 9 \[1\]\[2\]\n/);
  assert.equal(update.body!.data.components[0].components[0].custom_id, `timeline:${id}:0`);
});

test('GIVEN a malformed date WHEN /timeline runs THEN an ephemeral message says what is expected', async () => {
  const { token } = timeline({ from: 'last year' });
  const reply = await h.emulator.waitForRequest(callbackOf(token));
  assert.equal(reply.body!.data.flags, EPHEMERAL);
  assert.equal(reply.body!.data.content, '`from` must be a year (2010) or a date (2010-05 or 2010-05-01); got “last year”.');
});

test('GIVEN a member typing "moscow" in the source option WHEN autocomplete fires THEN matching corpus files are offered', async () => {
  const { token } = h.emulator.autocomplete({
    user: ALICE,
    name: 'timeline',
    focused: 'source',
    value: 'moscow',
    permissions: MEMBER_PERMISSIONS,
    channelId: GENERAL_CHANNEL_ID,
  });
  const reply = await h.emulator.waitForRequest(callbackOf(token));
  assert.deepEqual(reply.body, {
    type: 8,
    data: { choices: [{ name: '004_91ab4689b524ca48.txt — Russia Intends to Intercede for Bout', value: '004_91ab4689b524ca48.txt' }] },
  });
});

test('GIVEN a member typing "lav" in the person option WHEN autocomplete fires THEN the people the timeline names are offered', async () => {
  const { token } = h.emulator.autocomplete({
    user: ALICE,
    name: 'timeline',
    focused: 'person',
    value: 'lav',
    permissions: MEMBER_PERMISSIONS,
    channelId: GENERAL_CHANNEL_ID,
  });
  const reply = await h.emulator.waitForRequest(callbackOf(token));
  assert.deepEqual(reply.body, { type: 8, data: { choices: [{ name: 'Sergei Lavrov', value: 'Sergei Lavrov' }] } });
});

test('GIVEN person Lavrov WHEN /timeline runs THEN only his event is listed and the footer says how many the filter left out', async () => {
  const { token } = timeline({ person: 'Lavrov' });
  const embed = (await h.emulator.waitForRequest(editOf(token))).body!.embeds[0];
  assert.equal(embed.title, 'Timeline — person “Lavrov”');
  assert.equal(embed.description.split('\n\n')[0], '**Apr 11, 2012** — Lavrov starts a visit to Washington (scheduled) [1]');
  assert.equal(embed.footer.text, 'Page 1 of 1 · 1 of 20 events (19 left out by the filters: person “Lavrov”)');
});

test('GIVEN around 2012-04-05 WHEN /timeline runs THEN the events of the week either side are listed', async () => {
  const { token } = timeline({ around: '2012-04-05' });
  const embed = (await h.emulator.waitForRequest(editOf(token))).body!.embeds[0];
  assert.deepEqual(embed.description.split('\n\n')[0]!.split('\n'), [
    '**Apr 5, 2012** — Bout sentenced in New York [1]',
    '**Apr 11, 2012** — Lavrov starts a visit to Washington (scheduled) [1]',
  ]);
});

test('GIVEN no options WHEN /timeline runs THEN the whole timeline is paged, every event counted in the footer', async () => {
  const { token } = timeline();
  const embed = (await h.emulator.waitForRequest(editOf(token))).body!.embeds[0];
  assert.equal(embed.title, 'Timeline — the whole case');
  assert.equal(embed.footer.text, 'Page 1 of 3 · 20 events');
});
