// `npm start` with SHARDS other than 1: discord.js's ShardingManager runs one child process per shard (each the
// ordinary bot, told its shard by the manager), respawns a child that dies, and stops them all on SIGTERM.
import type { ChildProcess } from 'node:child_process';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import type { Config } from '../config.ts';
import { ConfigError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { writeShardStatus, type ShardState } from './shard-status.ts';

/** What a shard process tells the manager about itself (over the IPC channel discord.js sets up). */
export interface ShardReport {
  dossierIndex: string;
}

export interface ShardManagerHandle {
  count: number;
  manager: ShardingManager;
  /** Stops respawning, asks every shard to finish its answers and exit, and waits for them. */
  stop(): Promise<void>;
}

// Discord lets a bot start `max_concurrency` sessions per 5 seconds; discord.js's default spawn delay is 5.5 s.
const IDENTIFY_WINDOW_MS = 5500;
// A shard loads the embedding model and the index before logging in; a cold model load can take this long.
const SPAWN_TIMEOUT_MS = 180_000;
// How long a shard may take to finish answers after SIGTERM (its own grace is 10 s) before it is killed.
const STOP_GRACE_MS = 20_000;

/** Discord's gateway info for this bot: the recommended shard count and how many sessions may start at once. */
export async function fetchGatewayBot(config: Config): Promise<RESTGetAPIGatewayBotResult> {
  const rest = new REST({ api: config.discord.apiUrl }).setToken(config.discord.token ?? '');
  return (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
}

/** Spawns the shards of `file` (the bot entry point) and keeps `DATA_DIR/shards.json` up to date. */
export async function startShardManager(options: { config: Config; logger: Logger; file: string }): Promise<ShardManagerHandle> {
  const { config, logger, file } = options;
  const token = config.discord.token;
  if (!token)
    throw new ConfigError('DISCORD_TOKEN is not set: copy the bot token from the Discord developer portal (Bot → Reset Token) into .env.', [
      'DISCORD_TOKEN',
    ]);
  // discord.js's own 'auto' asks discord.com whatever DISCORD_API_URL says, so the count is fetched here.
  const gateway = await fetchGatewayBot(config);
  const count = config.discord.shards === 'auto' ? gateway.shards : config.discord.shards;
  const delay = Math.ceil(IDENTIFY_WINDOW_MS / Math.max(1, gateway.session_start_limit.max_concurrency));
  logger.info({ shards: count, recommended: gateway.shards, spawnDelayMs: delay }, 'starting shards');

  // The children run the same entry point with this process's flags; a TypeScript entry point also needs tsx's
  // loader, which `npm start` may have registered in-process (bin/launch.js) rather than by a flag.
  const needsTsx = file.endsWith('.ts') && !process.execArgv.some((arg) => arg.includes('tsx'));
  const execArgv = needsTsx ? [...process.execArgv, '--import', import.meta.resolve('tsx')] : process.execArgv;
  const manager = new ShardingManager(file, { totalShards: count, token, respawn: true, mode: 'process', execArgv });
  const states = new Map<number, ShardState>();
  let writes: Promise<void> = Promise.resolve();
  const update = (id: number, change: Partial<ShardState>) => {
    const previous = states.get(id) ?? { id, state: 'starting', since: new Date().toISOString() };
    const next = {
      ...previous,
      ...change,
      ...(change.state && change.state !== previous.state ? { since: new Date().toISOString() } : {}),
    };
    states.set(id, next);
    const shards = [...states.values()].sort((a, b) => a.id - b.id);
    writes = writes
      .then(() => writeShardStatus(config.dataDir, { count, shards }))
      .catch((error: unknown) => logger.warn({ err: error }, 'could not write shards.json'));
  };
  manager.on('shardCreate', (shard: Shard) => watchShard(shard, update, logger));

  const stop = async () => {
    manager.respawn = false;
    await Promise.all([...manager.shards.values()].map((shard) => stopShard(shard, logger)));
    for (const id of states.keys()) update(id, { state: 'stopped', pid: undefined });
    await writes;
  };
  try {
    await manager.spawn({ amount: count, delay, timeout: SPAWN_TIMEOUT_MS });
  } catch (error) {
    // A shard that cannot start (bad token, no index) would leave the others running without a manager.
    await stop();
    throw error;
  }
  logger.info({ shards: count }, 'all shards ready');
  return { count, manager, stop };
}

function watchShard(shard: Shard, update: (id: number, change: Partial<ShardState>) => void, logger: Logger): void {
  const { id } = shard;
  // The manager runs in 'process' mode, so each shard is a child process.
  shard.on('spawn', (spawned) => {
    const child = spawned as ChildProcess;
    update(id, { state: 'starting', pid: child.pid });
    logger.info({ shard: id, pid: child.pid }, 'shard process started');
  });
  shard.on('ready', () => {
    update(id, { state: 'ready' });
    logger.info({ shard: id }, 'shard ready');
  });
  shard.on('disconnect', () => update(id, { state: 'disconnected' }));
  shard.on('reconnecting', () => update(id, { state: 'reconnecting' }));
  shard.on('resume', () => update(id, { state: 'ready' }));
  shard.on('death', (died) => {
    const child = died as ChildProcess;
    const respawning = shard.manager.respawn;
    update(id, { state: respawning ? 'respawning' : 'stopped', pid: undefined });
    if (respawning) logger.warn({ shard: id, pid: child.pid, exitCode: child.exitCode }, 'shard process died; respawning');
  });
  shard.on('error', (error: Error) => logger.error({ shard: id, err: error }, 'shard could not be respawned'));
  shard.on('message', (message: unknown) => {
    const report = message as Partial<ShardReport> | null;
    if (typeof report?.dossierIndex === 'string') update(id, { index: report.dossierIndex });
  });
}

/** SIGTERM, then SIGKILL if the shard is still running after the grace period. */
async function stopShard(shard: Shard, logger: Logger): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    logger.warn({ shard: shard.id }, 'shard did not stop in time; killing it');
    child.kill('SIGKILL');
  }, STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}
