import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayIntentBits } from 'discord.js';
import { loadConfig } from '../../src/config.ts';
import { commands } from '../../commands/index.ts';
import { startDiscordBot } from '../../src/discord/bot.ts';
import { ConfigError } from '../../src/errors.ts';
import { ASK_CHANNEL_ID, BOT_USER, GUILD_ID } from './emulator-fixtures.ts';
import { startEmulator } from './emulator.ts';
import { FakeDossier } from './fake-dossier.ts';
import { memoryLogger, startHarness } from './harness.ts';

test('GIVEN a token and the emulator URL WHEN the bot starts THEN it logs in with only Guilds + GuildMessages, sees the guild, and logs startup without the token', async () => {
  const h = await startHarness();
  try {
    assert.equal(h.bot.client.user.id, BOT_USER.id);
    assert.equal(h.bot.client.guilds.cache.has(GUILD_ID), true);
    assert.equal(h.emulator.intents, GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages);
    assert.deepEqual(
      h.emulator.requests.map((r) => `${r.method} ${r.path}`),
      ['GET /gateway/bot'],
    );
    const ready = h.log.records().find((r) => r.msg === 'Discord bot ready')!;
    assert.deepEqual(ready.intents, ['Guilds', 'GuildMessages']);
    assert.deepEqual(ready.commands, ['ask', 'timeline', 'sources', 'reindex', 'corpus', 'help']);
    assert.equal((ready.index as { model: string }).model, 'fake-embeddings');
  } finally {
    await h.close();
  }
  assert.equal(
    h.log.lines.some((line) => line.includes(h.emulator.token)),
    false,
  );
  assert.equal(h.log.records().at(-1)!.msg, 'Discord bot stopped');
});

test('GIVEN ASK_CHANNEL_IDS WHEN the bot starts THEN it also asks for the MessageContent intent', async () => {
  const h = await startHarness({ env: { ASK_CHANNEL_IDS: ASK_CHANNEL_ID } });
  try {
    assert.equal(h.emulator.intents, GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.MessageContent);
  } finally {
    await h.close();
  }
});

test('GIVEN a wrong token WHEN the bot starts THEN startup rejects and leaves nothing running', async () => {
  const emulator = await startEmulator({ token: 'MTAwMDAwMDAwMDAwMDAwMDAx.Emulat.the-right-token-for-this-test' });
  try {
    const config = loadConfig({
      DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAx.Emulat.a-wrong-token-for-this-test',
      DISCORD_CLIENT_ID: BOT_USER.id,
      DISCORD_API_URL: emulator.apiUrl,
    });
    await assert.rejects(
      startDiscordBot({
        config,
        dossier: new FakeDossier(),
        logger: memoryLogger().logger,
        commands,
        restOptions: { globalRequestsPerSecond: 10_000 },
      }),
    );
  } finally {
    await emulator.close();
  }
});

test('GIVEN no DISCORD_TOKEN WHEN the bot starts THEN a ConfigError says where to find it', async () => {
  const config = loadConfig({});
  await assert.rejects(
    startDiscordBot({ config, dossier: new FakeDossier(), logger: memoryLogger().logger, commands }),
    (error) => error instanceof ConfigError && /DISCORD_TOKEN is not set/.test(error.message),
  );
});
