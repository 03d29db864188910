import { GatewayIntentBits } from 'discord.js';

/**
 * The fewest gateway intents that serve the configured modes. Guilds is always needed (slash commands, channel
 * cache). Mentions need GuildMessages; Discord sends a message's content to a bot that is mentioned in it even
 * without the privileged MessageContent intent, which is only asked for when ASK_CHANNEL_IDS makes every
 * message a question.
 */
export function chooseIntents(options: { mentions: boolean; askChannelIds: readonly string[] }): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds];
  const askChannels = options.askChannelIds.length > 0;
  if (options.mentions || askChannels) intents.push(GatewayIntentBits.GuildMessages);
  if (askChannels) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}
