import { REST, Routes, type RESTOptions, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import type { Config } from '../config.ts';
import { ConfigError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { CommandRegistry } from './command.ts';

/** Where commands were registered and under which names. */
export interface DeployResult {
  scope: 'guild' | 'global';
  guildId?: string;
  names: string[];
}

/**
 * Registers every command with one bulk overwrite: in DISCORD_GUILD_ID when set (instant, for one server),
 * else globally (all servers; Discord may take a while to show changes).
 */
export async function deployCommands(options: {
  config: Config;
  commands: CommandRegistry;
  logger: Logger;
  restOptions?: Partial<RESTOptions>;
}): Promise<DeployResult> {
  const { token, clientId, guildId, apiUrl } = options.config.discord;
  const missing = [!token && 'DISCORD_TOKEN', !clientId && 'DISCORD_CLIENT_ID'].filter((name): name is string => Boolean(name));
  if (!token || !clientId) {
    throw new ConfigError(
      `deploy-commands needs ${missing.join(' and ')}: the bot token and application id from the Discord developer portal.`,
      missing,
    );
  }
  const rest = new REST({ api: apiUrl, ...options.restOptions }).setToken(token);
  const body = [...options.commands.values()].map((command) => command.data.toJSON());
  const route = guildId ? Routes.applicationGuildCommands(clientId, guildId) : Routes.applicationCommands(clientId);
  const registered = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  const result: DeployResult = {
    scope: guildId ? 'guild' : 'global',
    ...(guildId && { guildId }),
    names: registered.map((command) => command.name),
  };
  options.logger.info(result, 'slash commands registered');
  return result;
}
