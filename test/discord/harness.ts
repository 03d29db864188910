/** Starts the emulator, a fake (or given) Dossier and the real bot wired to them; `close()` undoes it all. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.ts';
import { commands } from '../../commands/index.ts';
import { startDiscordBot, type StartDiscordBotOptions } from '../../src/discord/bot.ts';
import type { Dossier } from '../../src/core/dossier.ts';
import { createLogger } from '../../src/logger.ts';
import { GUILD_ID } from './emulator-fixtures.ts';
import { startEmulator, type EmulatorOptions, type RecordedRequest } from './emulator.ts';
import { FakeDossier } from './fake-dossier.ts';
import { messagesWithoutMentionGuard } from './pings.ts';

/** A logger whose JSON lines are kept for assertions. */
export function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('debug', stream), lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

export async function startHarness<D extends Dossier = FakeDossier>(
  options: { env?: Record<string, string>; dossier?: D; bot?: Partial<StartDiscordBotOptions>; emulator?: EmulatorOptions } = {},
) {
  const emulator = await startEmulator(options.emulator);
  const dataDir = await mkdtemp(join(tmpdir(), 'dossier-discord-'));
  const config = loadConfig({
    DISCORD_TOKEN: emulator.token,
    DISCORD_CLIENT_ID: emulator.applicationId,
    DISCORD_GUILD_ID: GUILD_ID,
    DISCORD_API_URL: emulator.apiUrl,
    DATA_DIR: dataDir,
    ASK_COOLDOWN_SECONDS: '0',
    ...options.env,
  });
  const log = memoryLogger();
  const dossier = (options.dossier ?? new FakeDossier()) as D;
  try {
    const bot = await startDiscordBot({
      config,
      dossier,
      logger: log.logger,
      commands,
      restOptions: { globalRequestsPerSecond: 10_000 },
      progressIntervalMs: 0,
      ...options.bot,
    });
    return {
      emulator,
      bot,
      dossier,
      config,
      dataDir,
      log,
      /** Stops everything, then checks that no message the bot sent could have pinged anyone. */
      async close() {
        await bot.stop();
        await emulator.close();
        await rm(dataDir, { recursive: true, force: true });
        const unguarded = messagesWithoutMentionGuard(emulator.requests);
        if (unguarded.length > 0)
          throw new Error(`Messages sent without allowed_mentions { parse: [], replied_user: false }:\n  ${unguarded.join('\n  ')}`);
      },
    };
  } catch (error) {
    await emulator.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Matches the final edit of an interaction's deferred reply. */
export const editOf = (token: string) => (r: RecordedRequest) => r.method === 'PATCH' && r.path.endsWith(`/${token}/messages/@original`);
/** Matches the interaction callback (reply or defer). */
export const callbackOf = (token: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.endsWith(`/${token}/callback`);

export type Harness<D extends Dossier = FakeDossier> = Awaited<ReturnType<typeof startHarness<D>>>;
