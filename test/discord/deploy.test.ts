import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { commands } from '../../commands/index.ts';
import { loadConfig } from '../../src/config.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import { ConfigError } from '../../src/errors.ts';
import { GUILD_ID } from './emulator-fixtures.ts';
import { startEmulator, type DiscordEmulator } from './emulator.ts';
import { memoryLogger } from './harness.ts';

let emulator: DiscordEmulator;
before(async () => {
  emulator = await startEmulator();
});
after(() => emulator.close());

const configFor = (env: Record<string, string>) =>
  loadConfig({ DISCORD_TOKEN: emulator.token, DISCORD_CLIENT_ID: emulator.applicationId, DISCORD_API_URL: emulator.apiUrl, ...env });

test('GIVEN DISCORD_GUILD_ID WHEN deploy-commands runs THEN one bulk overwrite registers all six commands in that guild', async () => {
  const { logger } = memoryLogger();
  const result = await deployCommands({
    config: configFor({ DISCORD_GUILD_ID: GUILD_ID }),
    commands,
    logger,
    restOptions: { globalRequestsPerSecond: 10_000 },
  });

  assert.deepEqual(result, { scope: 'guild', guildId: GUILD_ID, names: ['ask', 'timeline', 'sources', 'reindex', 'corpus', 'help'] });
  const puts = emulator.requests.filter((r) => r.method === 'PUT');
  assert.equal(puts.length, 1);
  assert.equal(puts[0]!.path, `/applications/${emulator.applicationId}/guilds/${GUILD_ID}/commands`);
  assert.equal(puts[0]!.authorization, `Bot ${emulator.token}`);
  const byName = new Map(puts[0]!.body!.map((c: { name: string }) => [c.name, c]) as [string, Record<string, unknown>][]);
  assert.equal(byName.get('reindex')!.default_member_permissions, '32');
  assert.equal(byName.get('ask')!.default_member_permissions, undefined);
  assert.deepEqual(
    (byName.get('ask')!.options as { name: string; required: boolean }[]).map((o) => [o.name, o.required]),
    [['question', true]],
  );
  assert.deepEqual(
    (byName.get('timeline')!.options as { name: string; autocomplete?: boolean }[]).map((o) => [o.name, o.autocomplete ?? false]),
    [
      ['from', false],
      ['to', false],
      ['around', false],
      ['person', true],
      ['place', false],
      ['topic', false],
      ['source', true],
      ['picture', false],
    ],
  );
});

test('GIVEN no DISCORD_GUILD_ID WHEN deploy-commands runs THEN the commands are registered globally', async () => {
  const { logger } = memoryLogger();
  const result = await deployCommands({ config: configFor({}), commands, logger, restOptions: { globalRequestsPerSecond: 10_000 } });
  assert.equal(result.scope, 'global');
  assert.equal(emulator.requests.at(-1)!.path, `/applications/${emulator.applicationId}/commands`);
  assert.equal(emulator.state.commands.get('global')!.length, 6);
});

test('GIVEN no DISCORD_CLIENT_ID WHEN deploy-commands runs THEN a ConfigError names the missing variable and nothing is sent', async () => {
  const { logger } = memoryLogger();
  const before = emulator.requests.length;
  const config = loadConfig({ DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl });
  await assert.rejects(
    deployCommands({ config, commands, logger }),
    (error) => error instanceof ConfigError && error.variables.join() === 'DISCORD_CLIENT_ID',
  );
  assert.equal(emulator.requests.length, before);
});
