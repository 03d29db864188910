import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayIntentBits } from 'discord.js';
import { chooseIntents } from '../../src/discord/intents.ts';

test('GIVEN mentions on and no ask channels WHEN intents are chosen THEN Guilds and GuildMessages only (no privileged intent)', () => {
  assert.deepEqual(chooseIntents({ mentions: true, askChannelIds: [] }), [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]);
});

test('GIVEN ask channels WHEN intents are chosen THEN MessageContent is added', () => {
  assert.deepEqual(chooseIntents({ mentions: true, askChannelIds: ['123456'] }), [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.MessageContent,
  ]);
});

test('GIVEN slash commands only WHEN intents are chosen THEN Guilds alone', () => {
  assert.deepEqual(chooseIntents({ mentions: false, askChannelIds: [] }), [GatewayIntentBits.Guilds]);
});
