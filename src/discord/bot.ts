import { once } from 'node:events';
import { join } from 'node:path';
import { Client, Events, GatewayIntentBits, MessageFlags, type RESTOptions } from 'discord.js';
import type { Config } from '../config.ts';
import type { Dossier } from '../core/dossier.ts';
import { ConfigError, describeError } from '../errors.ts';
import { watchCurrentIndex } from '../index/current-watch.ts';
import type { Logger } from '../logger.ts';
import { createAsker } from './asker.ts';
import type { CommandContext, CommandRegistry, PagedReply } from './command.ts';
import { Cooldowns } from './cooldown.ts';
import { FeedbackStore } from './feedback.ts';
import { chooseIntents } from './intents.ts';
import { createInteractionHandler } from './interactions.ts';
import { AnswerMemory, BoundedMap } from './memory.ts';
import { loggable } from './log-safe.ts';
import { explainLoginError } from './login-error.ts';
import { handleMessage } from './messages.ts';
import { NO_MENTIONS } from './replies.ts';
import type { ShardReport } from './shard-manager.ts';
import { writeShardStatus } from './shard-status.ts';

export interface StartDiscordBotOptions {
  config: Config;
  dossier: Dossier;
  logger: Logger;
  /** The slash commands to answer: the entry point hands over `commands/index.ts`; tests pass their own. */
  commands: CommandRegistry;
  /** Merged over `{ api: config.discord.apiUrl }`; tests raise `globalRequestsPerSecond`. */
  restOptions?: Partial<RESTOptions>;
  /** Answer messages that mention the bot (default true); needs the GuildMessages intent. */
  mentions?: boolean;
  /** Least time between two progress edits of /reindex (default 2000 ms). */
  progressIntervalMs?: number;
  /** How long stop() waits for answers in progress before disconnecting (default 10 s). */
  shutdownGraceMs?: number;
  /** How often DATA_DIR/current.json is read besides fs.watch events (default 2000 ms). */
  indexPollMs?: number;
}

export interface DiscordBot {
  client: Client<true>;
  /** Resolves once every interaction and message received so far has been handled. */
  whenIdle(): Promise<void>;
  /** Stops taking new work, lets answers in progress finish (within the grace period), then disconnects. */
  stop(): Promise<void>;
}

const PAGE_LIFETIME_MS = 15 * 60 * 1000;

/** Logs in to Discord and answers slash commands, mentions and ask-channel messages until stopped. */
export async function startDiscordBot(options: StartDiscordBotOptions): Promise<DiscordBot> {
  const { config, dossier, logger, commands, mentions = true } = options;
  const { token, askChannelIds } = config.discord;
  if (!token)
    throw new ConfigError('DISCORD_TOKEN is not set: copy the bot token from the Discord developer portal (Bot → Reset Token) into .env.', [
      'DISCORD_TOKEN',
    ]);

  const intents = chooseIntents({ mentions, askChannelIds });
  const client = new Client({ intents, allowedMentions: NO_MENTIONS, rest: { api: config.discord.apiUrl, ...options.restOptions } });
  const ctx: CommandContext = {
    config,
    dossier,
    logger,
    ask: createAsker({ dossier, logger, maxConcurrent: config.discord.maxConcurrentAnswers }),
    cooldowns: new Cooldowns(config.discord.askCooldownSeconds),
    answers: new AnswerMemory(),
    pages: new BoundedMap<string, PagedReply>(500, PAGE_LIFETIME_MS),
    progressIntervalMs: options.progressIntervalMs ?? 2000,
  };

  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  const track = (work: () => Promise<void>, what: string) => {
    if (stopping) return;
    const task = work().catch((error: unknown) => logger.error({ err: loggable(error) }, `unhandled error in ${what}`));
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  };

  const onInteraction = createInteractionHandler(commands, ctx, new FeedbackStore(join(config.dataDir, 'feedback.jsonl')));
  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping && interaction.isRepliable()) {
      void interaction
        .reply({ content: 'Dossier is restarting; please try again in a minute.', flags: MessageFlags.Ephemeral })
        .catch(() => undefined);
    }
    track(() => onInteraction(interaction), 'an interaction');
  });
  if (intents.includes(GatewayIntentBits.GuildMessages)) {
    client.on(Events.MessageCreate, (message) => track(() => handleMessage(message, ctx), 'a message'));
  }
  client.on(Events.Error, (error) => logger.error({ err: loggable(error) }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ discord: message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ shard, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));

  const aborted = new AbortController();
  const ready = once(client, Events.ClientReady, { signal: aborted.signal });
  ready.catch(() => undefined); // Aborted when login fails; that error is the one thrown.
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    aborted.abort();
    await client.destroy();
    throw explainLoginError(error, config.discord.apiUrl);
  }

  let index: unknown;
  try {
    index = dossier.info();
  } catch (error) {
    index = { unavailable: describeError(error) };
  }
  logger.info(
    {
      user: client.user?.tag,
      guilds: client.guilds.cache.size,
      intents: intents.map((bit) => GatewayIntentBits[bit]),
      commands: [...commands.keys()],
      askChannels: askChannelIds.length,
      apiUrl: config.discord.apiUrl,
      index,
    },
    'Discord bot ready',
  );

  const indexes = followSharedIndex({ ...options, client });

  const whenIdle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };

  return {
    client: client as Client<true>,
    whenIdle,
    async stop() {
      stopping = true;
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise((resolve) => (timer = setTimeout(resolve, options.shutdownGraceMs ?? 10_000)));
      await Promise.race([whenIdle(), grace]);
      clearTimeout(timer);
      await indexes.close();
      await client.destroy();
      logger.info('Discord bot stopped');
    },
  };
}

/**
 * Answers from whatever index `current.json` names, whoever promoted it (another shard's /reindex, the CLI, a
 * builder publishing to a shared folder), and tells the sharding manager, or DATA_DIR/shards.json when unsharded,
 * which index this process answers from.
 */
function followSharedIndex(options: StartDiscordBotOptions & { client: Client }): { close(): Promise<void> } {
  const { config, dossier, logger, client } = options;
  let reported: string | undefined;
  const report = async (state: 'ready' | 'stopped' = 'ready') => {
    const version = dossier.info().version;
    if (state === 'ready' && version === reported) return;
    reported = version;
    if (client.shard) {
      const message: ShardReport = { dossierIndex: version };
      await client.shard.send(message);
    } else {
      await writeShardStatus(config.dataDir, {
        count: 1,
        shards: [{ id: 0, state, ...(state === 'ready' ? { pid: process.pid } : {}), index: version, since: new Date().toISOString() }],
      });
    }
  };
  const reportSafely = (state?: 'ready' | 'stopped') =>
    report(state).catch((error: unknown) => logger.warn({ err: loggable(error) }, 'could not report the index in use'));
  const watch = watchCurrentIndex(
    config.dataDir,
    async () => {
      if (await dossier.refresh()) logger.info(dossier.info(), 'index reloaded: another process promoted a new one');
      await reportSafely();
    },
    { pollMs: options.indexPollMs },
  );
  return {
    async close() {
      watch.close();
      if (!client.shard) await reportSafely('stopped');
    },
  };
}
