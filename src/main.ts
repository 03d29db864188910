import { loadConfigFromDotenv } from './config.ts';
import { describeError, UserError } from './errors.ts';
import { createLogger } from './logger.ts';
import { openDossier } from './open-dossier.ts';
import { createProgressBar } from './progress-bar.ts';
import { runTerminal } from './terminal.ts';

/** `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the terminal chat on the same core. */
async function main(): Promise<void> {
  const config = loadConfigFromDotenv();
  const discordMode = Boolean(config.discord.token);
  const logger = createLogger(discordMode ? config.logLevel : 'warn');
  const bar = createProgressBar();
  const dossier = await openDossier(config, {
    notice: (message) => (discordMode ? logger.info(message) : console.error(message)),
    warn: (message) => {
      bar.interrupt();
      logger.warn(message);
    },
    onBuildProgress: (progress) => bar.update(progress),
  });
  bar.stop();
  const { built, reason, removedLeftovers } = dossier.opened;
  if (built) logger.info({ reason, summary: built }, 'index rebuilt');
  if (removedLeftovers.length > 0) logger.warn({ removedLeftovers }, 'removed leftovers of an interrupted build');
  logger.info(dossier.info(), 'index loaded');
  if (!discordMode) {
    await runTerminal(dossier, process.stdin, process.stdout, { dataDir: config.dataDir });
    await dossier.close();
    return;
  }
  const { startDiscordBot } = await import('./discord/bot.ts');
  const bot = await startDiscordBot({ config, dossier, logger });
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await bot.stop();
    await dossier.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`error: ${describeError(error)}`);
  if (!(error instanceof UserError) && process.env.LOG_LEVEL === 'debug' && error instanceof Error) console.error(error.stack);
  process.exitCode = 1;
});
