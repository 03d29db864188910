// Slow test: `npm start` with SHARDS=auto runs discord.js's real ShardingManager (one process per shard, each with the
// packaged offline encoder) against the emulator, which recommends 2 shards and splits guilds by Discord's rule.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import type { ShardsStatus } from '../../src/discord/shard-status.ts';
import { reindexLockHolder } from '../../src/index/reindex-lock.ts';
import { FIXTURE_CORPUS } from '../core/fakes.ts';
import {
  ALICE,
  BOB,
  defaultGuild,
  GENERAL_CHANNEL_ID,
  GUILD_ID,
  MANAGER_PERMISSIONS,
  MEMBER_PERMISSIONS,
  MOD,
  type Json,
} from './emulator-fixtures.ts';
import { shardOf, startEmulator, type DiscordEmulator } from './emulator.ts';
import { callbackOf, editOf } from './harness.ts';
import { startManager, type ManagerRun } from './shard-run.ts';

// Guild ids whose timestamps differ by one unit of 2^22, so `(id >> 22) % 2` puts them on shards 0 and 1.
const GUILD_0 = {
  guildId: '1200000000004194305',
  generalChannelId: '1300000000004194305',
  askChannelId: '1300000000004194306',
  name: 'Shard zero',
};
const GUILD_1 = { guildId: GUILD_ID, generalChannelId: GENERAL_CHANNEL_ID, askChannelId: '1300000000000000002' };
const ADDED = '005_lighthouse.txt';
const ARRESTED = 'Where was Viktor Bout arrested?';
const LIGHTHOUSE = 'What did the lighthouse keeper see?';

let root: string;
let dataDir: string;
let corpusDir: string;
let emulator: DiscordEmulator;
let run: ManagerRun;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'dossier-shards-'));
  dataDir = join(root, 'data');
  corpusDir = join(root, 'corpus');
  await mkdir(corpusDir);
  for (const file of ['001_8cf058473a78eb62.txt', '003_c464dfc57fd8e736.txt'])
    await copyFile(join(FIXTURE_CORPUS, file), join(corpusDir, file));
  emulator = await startEmulator({ shards: 2, maxConcurrency: 16, guilds: [defaultGuild(GUILD_0), defaultGuild(GUILD_1)] });
  run = startManager(root, dataDir, {
    DISCORD_TOKEN: emulator.token,
    DISCORD_API_URL: emulator.apiUrl,
    CORPUS_DIR: corpusDir,
    EMBEDDINGS: 'use-lite',
    SHARDS: 'auto',
    ASK_COOLDOWN_SECONDS: '0',
  });
  await run.waitForStatus(
    (s) => s.shards.length === 2 && s.shards.every((shard) => shard.state === 'ready' && shard.index),
    'both shards ready',
  );
});

after(async () => {
  // SHARD_TEST_LOGS=<file> keeps every log line of the manager and its shards, for diagnosing a failure.
  if (process.env.SHARD_TEST_LOGS) await writeFile(process.env.SHARD_TEST_LOGS, run.logs.map((l) => JSON.stringify(l)).join('\n'));
  if (run && run.process.exitCode === null) {
    run.process.kill('SIGKILL');
    await run.exited;
  }
  await emulator?.close();
  await rm(root, { recursive: true, force: true });
});

type Guild = { guildId: string; generalChannelId: string };
const ask = (guild: Guild, question: string, user = ALICE) =>
  emulator.command({
    user,
    name: 'ask',
    options: { question },
    permissions: MEMBER_PERMISSIONS,
    channelId: guild.generalChannelId,
    guildId: guild.guildId,
  });
async function answerOf(token: string): Promise<Json> {
  const edit = await emulator.waitForRequest((r) => editOf(token)(r), 60_000, 'the answer edit');
  assert.equal(edit.status, 200);
  const embed = edit.body!.embeds?.[0];
  assert.ok(embed, `the reply is an answer embed, not an error: ${JSON.stringify(edit.body)}`);
  return embed;
}
const cited = (embed: Json) => (embed.fields?.[0]?.name === 'Sources' ? String(embed.fields[0].value) : '');
/** The shard that logged the answer to the interaction with this token (each shard's log lines carry its id). */
const answeredBy = (userId: string) => run.logs.filter((l) => l.msg === 'question answered' && l.userId === userId).map((l) => l.shard);
const pidOf = (status: ShardsStatus, id: number) => status.shards.find((s) => s.id === id)?.pid;

test('GIVEN SHARDS=auto and a recommended count of 2 WHEN the bot starts THEN each shard identifies as [id, 2] and owns the guilds Discord routes to it', () => {
  assert.deepEqual([shardOf(GUILD_0.guildId, 2), shardOf(GUILD_1.guildId, 2)], [0, 1]);
  assert.deepEqual([...emulator.shards].sort(), [
    [0, 2],
    [1, 2],
  ]);
  assert.ok(emulator.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot'));
});

test('GIVEN two shards WHEN a member asks in a guild of each THEN both are answered, each by its own shard', async () => {
  const [zero, one] = await Promise.all([answerOf(ask(GUILD_0, ARRESTED, ALICE).token), answerOf(ask(GUILD_1, ARRESTED, BOB).token)]);
  for (const embed of [zero, one]) {
    assert.match(embed.description, /Thailand/);
    assert.match(cited(embed), /001_8cf058473a78eb62\.txt/);
  }
  assert.deepEqual(answeredBy(ALICE.id), [0]);
  assert.deepEqual(answeredBy(BOB.id), [1]);
});

test('GIVEN an article added to the corpus WHEN shard 0 reindexes THEN shard 1 says one is running, answers every question meanwhile, and cites the new article without a restart', async () => {
  const before = await run.waitForStatus(() => true, 'the status');
  assert.doesNotMatch(cited(await answerOf(ask(GUILD_1, LIGHTHOUSE).token)), new RegExp(ADDED));
  await writeFile(
    join(corpusDir, ADDED),
    'Lighthouse keeper testifies in arms hearing\n\nA lighthouse keeper from Phuket told the court on Tuesday that he saw the cargo plane land at night. ' +
      'The lighthouse keeper said the crates were unloaded by six men.\n',
  );

  const reindex = emulator.command({
    user: MOD,
    name: 'reindex',
    permissions: MANAGER_PERMISSIONS,
    channelId: GUILD_0.generalChannelId,
    guildId: GUILD_0.guildId,
  });
  while (!(await reindexLockHolder(dataDir))) await sleep(10);
  const second = emulator.command({
    user: MOD,
    name: 'reindex',
    permissions: MANAGER_PERMISSIONS,
    channelId: GUILD_1.generalChannelId,
    guildId: GUILD_1.guildId,
  });
  const busy = await emulator.waitForRequest(callbackOf(second.token), 30_000, 'the second /reindex reply');
  assert.match(
    busy.body!.data.content,
    new RegExp(
      `^A reindex is already running in another process \\(requested by @mod \\(${MOD.id}\\) on shard 0, started \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z, pid \\d+ on `,
    ),
  );

  // Questions keep arriving on shard 1, one after another, while shard 0 builds and promotes the new index and
  // until shard 1 has switched to it, so some are in flight during the switch.
  let finishedAt: number | undefined;
  const summary = emulator.waitForRequest(
    (r) => editOf(reindex.token)(r) && /Reindex finished/.test(String(r.body?.content)),
    180_000,
    'the reindex summary',
  );
  void summary.then(
    () => (finishedAt = Date.now()),
    () => (finishedAt = 0),
  );
  const switched = (s: ShardsStatus) =>
    s.shards.every((shard) => shard.index && shard.index !== before.shards[0]!.index && shard.index === s.shards[0]!.index);
  const answers: Json[] = [];
  // Until the switch, or 30 s after the summary: then the wait for the switch below fails with the shards' status.
  const done = async () =>
    finishedAt !== undefined && (Date.now() - finishedAt > 30_000 || switched(await run.waitForStatus(() => true, 'the status')));
  while (!(await done())) answers.push(await answerOf(ask(GUILD_1, ARRESTED, BOB).token));
  assert.match(String((await summary).body!.content), new RegExp(`Added 1: \`${ADDED}\``));
  assert.ok(answers.length >= 2, `${answers.length} questions were asked during the reindex`);
  for (const embed of answers) assert.match(cited(embed), /001_8cf058473a78eb62\.txt/);

  // Shard 1 picked the new index up by itself (file watch or poll); no process was restarted.
  const after = await run.waitForStatus(switched, 'both shards on the new index');
  assert.deepEqual(
    after.shards.map((s) => s.pid),
    before.shards.map((s) => s.pid),
  );
  const lighthouse = await answerOf(ask(GUILD_1, LIGHTHOUSE).token);
  assert.match(lighthouse.description, /saw the cargo plane land at night/);
  assert.match(cited(lighthouse), new RegExp(ADDED));
  assert.ok(run.logs.some((l) => l.shard === 1 && l.msg === 'index reloaded: another process promoted a new one'));
});

test("GIVEN two shards WHEN shard 1's process is killed THEN the manager respawns it and it answers again from the current index", async () => {
  const before = await run.waitForStatus(() => true, 'the status');
  const killed = pidOf(before, 1)!;
  process.kill(killed, 'SIGKILL');
  const after = await run.waitForStatus(
    (s) => s.shards[1]!.state === 'ready' && pidOf(s, 1) !== killed && s.shards[1]!.index === before.shards[0]!.index,
    'shard 1 respawned',
  );
  assert.equal(pidOf(after, 0), pidOf(before, 0), 'shard 0 kept running');
  assert.ok(run.logs.some((l) => l.msg === 'shard process died; respawning' && l.pid === killed));
  const embed = await answerOf(ask(GUILD_1, LIGHTHOUSE).token);
  assert.match(cited(embed), new RegExp(ADDED));
});

test("GIVEN the sharded bot WHEN /help runs in a guild of shard 1, and dossier status in a terminal THEN both show the shard count, each shard's state and index", async () => {
  const status = await run.waitForStatus(() => true, 'the status');
  const { token } = emulator.command({
    user: ALICE,
    name: 'help',
    permissions: MEMBER_PERMISSIONS,
    channelId: GUILD_1.generalChannelId,
    guildId: GUILD_1.guildId,
  });
  const reply = await emulator.waitForRequest(callbackOf(token), 30_000, 'the /help reply');
  const [zero, one] = status.shards;
  assert.match(
    reply.body!.data.content,
    new RegExp(
      `\\*\\*Status\\*\\* — shard 1 of 2, answering from index \`${one!.index}\`\n2 shards: #0 ready \\(${zero!.index}\\), #1 ready \\(${one!.index}\\)$`,
    ),
  );

  const cli = join(import.meta.dirname, '../../src/cli/main.ts');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', import.meta.resolve('tsx'), cli, 'status', '--json'], {
    cwd: root,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir },
  });
  const report = JSON.parse(stdout) as { index: { version: string }; reindex?: unknown; shards: ShardsStatus };
  assert.equal(report.index.version, one!.index);
  assert.equal(report.reindex, undefined);
  assert.deepEqual(
    report.shards.shards.map((s) => [s.id, s.state, s.index]),
    [
      [0, 'ready', one!.index],
      [1, 'ready', one!.index],
    ],
  );
});

test('GIVEN the running manager WHEN it gets SIGTERM THEN every shard stops, none is respawned, and it exits 0', async () => {
  const before = await run.waitForStatus(() => true, 'the status');
  run.process.kill('SIGTERM');
  assert.equal(await run.exited, 0);
  const alive = before.shards.filter((s) => {
    try {
      process.kill(s.pid!, 0);
      return true;
    } catch {
      return false;
    }
  });
  assert.deepEqual(alive, []);
  assert.ok(run.logs.some((l) => l.msg === 'all shards stopped'));
  assert.ok(!run.logs.some((l) => l.msg === 'shard process died; respawning' && before.shards.some((s) => s.pid === l.pid)));
});
