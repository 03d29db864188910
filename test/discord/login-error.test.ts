import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { commands } from '../../commands/index.ts';
import { startDiscordBot } from '../../src/discord/bot.ts';
import { explainLoginError } from '../../src/discord/login-error.ts';
import { BOT_USER } from './emulator-fixtures.ts';
import { startEmulator } from './emulator.ts';
import { FakeDossier } from './fake-dossier.ts';
import { memoryLogger } from './harness.ts';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.Emulat.a-token-for-the-login-tests';

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('GIVEN DISCORD_API_URL where nothing answers WHEN the bot logs in THEN one sentence says Discord cannot be reached and what to check', async () => {
  const apiUrl = `http://127.0.0.1:${await closedPort()}/api`;
  const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: BOT_USER.id, DISCORD_API_URL: apiUrl });
  await assert.rejects(
    startDiscordBot({ config, dossier: new FakeDossier(), logger: memoryLogger().logger, commands, restOptions: { retries: 0 } }),
    {
      name: 'DiscordLoginError',
      message: `Cannot reach Discord at ${new URL(apiUrl).host} (ECONNREFUSED): check this machine's internet connection, DNS, firewall or proxy, and DISCORD_API_URL (now ${apiUrl}).`,
    },
  );
});

test('GIVEN the error a failed DNS lookup gives WHEN explained THEN it names the host and the code', () => {
  const lookup = Object.assign(new Error('getaddrinfo ENOTFOUND discord.com'), { code: 'ENOTFOUND' });
  const error = explainLoginError(new TypeError('fetch failed', { cause: lookup }), 'https://discord.com/api') as Error;
  assert.equal(
    error.message,
    "Cannot reach Discord at discord.com (ENOTFOUND): check this machine's internet connection, DNS, firewall or proxy, and DISCORD_API_URL (now https://discord.com/api).",
  );
});

test('GIVEN a well-formed token Discord does not know WHEN the bot logs in THEN it says the token was refused and how to get a new one', async () => {
  const emulator = await startEmulator();
  try {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: BOT_USER.id, DISCORD_API_URL: emulator.apiUrl });
    await assert.rejects(
      startDiscordBot({
        config,
        dossier: new FakeDossier(),
        logger: memoryLogger().logger,
        commands,
        restOptions: { globalRequestsPerSecond: 10_000 },
      }),
      {
        name: 'DiscordLoginError',
        message:
          'Discord refused the bot token (401 Unauthorized): reset it in the developer portal (Bot → Reset Token) and put the new one in DISCORD_TOKEN.',
      },
    );
  } finally {
    await emulator.close();
  }
});
