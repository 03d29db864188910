// The emulator's sharding, checked against the real discord.js client: IDENTIFY [id, 2] and Discord's routing rule.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';
import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { ALICE, defaultGuild, GENERAL_CHANNEL_ID, GUILD_ID, MEMBER_PERMISSIONS } from './emulator-fixtures.ts';
import { shardOf, startEmulator } from './emulator.ts';

const OTHER = { guildId: '1200000000004194305', generalChannelId: '1300000000004194305', askChannelId: '1300000000004194306' };

test('GIVEN two guilds on different shards WHEN shard 0 and shard 1 log in THEN each gets only its guild and its interactions, and /gateway/bot recommends 2', async () => {
  const emulator = await startEmulator({ shards: 2, guilds: [defaultGuild(), defaultGuild(OTHER)] });
  const clients = [0, 1].map(
    (id) => new Client({ intents: [GatewayIntentBits.Guilds], shards: id, shardCount: 2, rest: { api: emulator.apiUrl } }),
  );
  try {
    await Promise.all(
      clients.map(async (client) => {
        const ready = once(client, Events.ClientReady);
        await client.login(emulator.token);
        await ready;
      }),
    );
    assert.deepEqual([shardOf(OTHER.guildId, 2), shardOf(GUILD_ID, 2)], [0, 1]);
    assert.deepEqual(
      clients.map((c) => [...c.guilds.cache.keys()]),
      [[OTHER.guildId], [GUILD_ID]],
    );
    assert.deepEqual([...emulator.shards].sort(), [
      [0, 2],
      [1, 2],
    ]);

    const received: [number, string | null][] = [];
    clients.forEach((client, id) => client.on(Events.InteractionCreate, (i: Interaction) => received.push([id, i.guildId])));
    emulator.command({ user: ALICE, name: 'help', permissions: MEMBER_PERMISSIONS, channelId: GENERAL_CHANNEL_ID, guildId: GUILD_ID });
    emulator.command({
      user: ALICE,
      name: 'help',
      permissions: MEMBER_PERMISSIONS,
      channelId: OTHER.generalChannelId,
      guildId: OTHER.guildId,
    });
    for (let i = 0; i < 500 && received.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 50)); // a misrouted copy would arrive meanwhile
    assert.deepEqual(received.sort(), [
      [0, OTHER.guildId],
      [1, GUILD_ID],
    ]);

    const gateway = await fetch(`${emulator.apiUrl}/v10/gateway/bot`, { headers: { authorization: `Bot ${emulator.token}` } });
    assert.equal(((await gateway.json()) as { shards: number }).shards, 2);
  } finally {
    await Promise.all(clients.map((c) => c.destroy()));
    await emulator.close();
  }
});
