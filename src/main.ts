import { fileURLToPath } from 'node:url';
import { loadConfigFromDotenv, type Config } from './config.ts';
import { describeError, UserError } from './errors.ts';
import { createLogger, type Logger } from './logger.ts';
import { openDossier } from './core/open-dossier.ts';
import { createProgressBar } from './terminal/progress-bar.ts';
import { runTerminal } from './terminal/chat.ts';

/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the terminal chat on the same core. With
 * SHARDS other than 1 this process becomes the sharding manager, and runs again as each shard's process.
 */
async function main(): Promise<void> {
  const config = loadConfigFromDotenv();
  const discordMode = Boolean(config.discord.token);
  const shard = config.discord.shard;
  const base = createLogger(discordMode ? config.logLevel : 'warn');
  const logger = shard ? base.child({ shard: shard.id }) : base;
  if (discordMode && config.discord.shards !== 1 && !shard) {
    await runShardManager(config, logger);
    return;
  }
  const bar = createProgressBar();
  const dossier = await openIndex(
    config,
    logger,
    discordMode,
    (progress) => bar.update(progress),
    () => bar.interrupt(),
  );
  bar.stop();
  // A long-running process: a moderator's first article change should not wait for what opening did not read.
  void dossier.prepareChanges();
  if (!discordMode) {
    await runTerminal(dossier, process.stdin, process.stdout, { dataDir: config.dataDir });
    await dossier.close();
    return;
  }
  const { startDiscordBot } = await import('./discord/bot.ts');
  const { commands } = await import('../commands/index.ts');
  const bot = await startDiscordBot({ config, dossier, logger, commands });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await bot.stop();
    await dossier.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  // A shard whose manager died (its IPC channel closed) would otherwise run on unsupervised.
  if (shard) process.once('disconnect', () => void shutdown('sharding manager gone'));
}

/** Opens the core, building the index when missing or stale, and logs what opening did. */
async function openIndex(
  config: Config,
  logger: Logger,
  discordMode: boolean,
  onBuildProgress: Parameters<typeof openDossier>[1]['onBuildProgress'],
  beforeWarning = () => {},
) {
  const dossier = await openDossier(config, {
    notice: (message) => (discordMode ? logger.info(message) : console.error(message)),
    warn: (message) => {
      beforeWarning();
      logger.warn(message);
    },
    onBuildProgress,
  });
  const { built, reason, removedLeftovers } = dossier.opened;
  if (built) logger.info({ reason, summary: built }, 'index rebuilt');
  if (removedLeftovers.length > 0) logger.warn({ removedLeftovers }, 'removed leftovers of an interrupted build');
  logger.info(dossier.info(), 'index loaded');
  return dossier;
}

/**
 * The manager checks (and if needed builds) the index once before spawning, so shards starting together never
 * race to build it; each shard then only loads it. SIGTERM or SIGINT stops every shard, then the manager.
 */
async function runShardManager(config: Config, logger: Logger): Promise<void> {
  const checked = await openIndex(config, logger, true, undefined);
  await checked.close();
  const { startShardManager } = await import('./discord/shard-manager.ts');
  const shards = await startShardManager({ config, logger, file: fileURLToPath(import.meta.url) });
  const shutdown = async (signal: string) => {
    logger.info({ signal, shards: shards.count }, 'stopping shards');
    await shards.stop();
    logger.info('all shards stopped');
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
