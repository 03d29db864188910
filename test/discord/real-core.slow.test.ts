// Slow model test: the bot on the emulator, answering from the real core (packaged offline encoder, real corpus).
import assert from 'node:assert/strict';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { unplain } from '../../src/discord/markdown.ts';
import type { Dossier } from '../../src/core/dossier.ts';
import { openDossier } from '../../src/core/open-dossier.ts';
import { copySharedIndex } from '../fixtures/shared-index.ts';
import { ALICE, BOT_USER, GENERAL_CHANNEL_ID, MEMBER_PERMISSIONS } from './emulator-fixtures.ts';
import { CORPUS_DIR } from './fake-dossier.ts';
import { editOf, startHarness, type Harness } from './harness.ts';
import { pingsOf } from './pings.ts';

let dataDir: string;
let h: Harness<Dossier>;
before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dossier-discord-core-'));
  await copySharedIndex(dataDir);
  const config = loadConfig({ DATA_DIR: dataDir, CORPUS_DIR, EMBEDDINGS: 'use-lite' });
  const dossier = await openDossier(config, { notice: () => {}, warn: () => {} });
  h = await startHarness({ dossier });
});
after(async () => {
  await h?.close();
  await h?.dossier.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('GIVEN the real core WHEN /ask "Where was Viktor Bout arrested?" THEN the embed answers Bangkok/Thailand and every source line names a corpus file with a verbatim quote', async () => {
  const { token } = h.emulator.command({
    user: ALICE,
    name: 'ask',
    options: { question: 'Where was Viktor Bout arrested?' },
    permissions: MEMBER_PERMISSIONS,
    channelId: GENERAL_CHANNEL_ID,
  });
  const edit = await h.emulator.waitForRequest(editOf(token), 120_000);
  const embed = edit.body!.embeds[0];

  assert.match(embed.description, /Bangkok|Thailand/);
  assert.match(embed.description, /\[1\]/);
  const sources = [...embed.fields[0].value.matchAll(/\[(\d+)\] `(00\d_[0-9a-f]{16}\.txt)`[^\n]*\n> (.+)/g)];
  assert.ok(sources.length >= 1, embed.fields[0].value);
  for (const [, , file, quote] of sources) {
    // Quotes are shown markdown-escaped and may be cut with an ellipsis; what remains is verbatim.
    const shown = unplain(quote!).replace(/…$/, '');
    assert.ok((await readFile(join(CORPUS_DIR, file!), 'utf8')).replace(/\s+/g, ' ').includes(shown), `not verbatim in ${file}: ${shown}`);
  }
});

test('GIVEN the real core WHEN a member mentions the bot with a question THEN the reply cites the corpus and pings nobody', async () => {
  const question = h.emulator.postMessage({
    author: ALICE,
    content: `<@${BOT_USER.id}> @everyone where was Viktor Bout arrested?`,
    channelId: GENERAL_CHANNEL_ID,
  });
  const reply = await h.emulator.waitForRequest(
    (r) => r.method === 'POST' && r.body?.message_reference?.message_id === question.id,
    120_000,
  );
  const embed = reply.body!.embeds[0];
  assert.equal(embed.fields[0].name, 'Sources', embed.description);
  assert.match(embed.fields[0].value, /`004_91ab4689b524ca48\.txt`/);
  assert.match(embed.description, /arrested in Thailand/);
  assert.deepEqual(pingsOf(reply.body!, { authorId: ALICE.id }), []);
});
