/** `npm run deploy-commands`: registers the slash commands with Discord, reading .env. */
import { commands } from '../commands/index.ts';
import { loadConfigFromDotenv } from './config.ts';
import { describeError } from './errors.ts';
import { createLogger } from './logger.ts';
import { deployCommands } from './discord/deploy.ts';

try {
  const config = loadConfigFromDotenv();
  const result = await deployCommands({ config, commands, logger: createLogger(config.logLevel) });
  const where = result.scope === 'guild' ? `in guild ${result.guildId}` : 'globally';
  console.log(`Registered ${result.names.length} commands ${where}: ${result.names.map((name) => `/${name}`).join(', ')}`);
} catch (error) {
  console.error(`deploy-commands failed: ${describeError(error)}`);
  if (process.argv.includes('--verbose')) console.error(error);
  process.exitCode = 1;
}
