import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';

// Shaped like a real bot token; not one.
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';
const HEADER = 'Invalid configuration — fix these in .env or the environment:\n  ';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail(`${JSON.stringify(env)} was accepted`);
}

/** The error in every form a log or a console could show it, none of which may contain the secret. */
const everyRendering = (error: ConfigError) => [
  error.message,
  String(error),
  error.stack ?? '',
  JSON.stringify(error),
  JSON.stringify({ ...error }),
];

describe('loadConfig', () => {
  it('GIVEN no settings THEN the defaults apply, with folders resolved against the working directory', () => {
    const config = loadConfig({}, '/srv/dossier');
    assert.equal(config.corpusDir, '/srv/dossier/corpus');
    assert.equal(config.dataDir, '/srv/dossier/data');
    assert.equal(config.maxFileBytes, 2_000_000);
    assert.deepEqual(config.chunking, { size: 700, overlap: 150 });
    assert.equal(config.discord.token, undefined);
  });

  it('GIVEN malformed numbers THEN the error names each variable, the accepted range and the value given', () => {
    const error = configError({ MAX_FILE_BYTES: 'two megabytes', CHUNK_SIZE: '10' });
    assert.deepEqual(error.variables, ['MAX_FILE_BYTES', 'CHUNK_SIZE']);
    assert.equal(
      error.message,
      `${HEADER}MAX_FILE_BYTES: expected a whole number from 1 to 1000000000 (got "two megabytes")\n  CHUNK_SIZE: expected a whole number from 200 to 8000 (got "10")`,
    );
  });

  it('GIVEN an unknown choice THEN the error lists the choices', () => {
    assert.equal(
      configError({ LOG_LEVEL: 'loud' }).message,
      `${HEADER}LOG_LEVEL: expected fatal, error, warn, info, debug, trace or silent (got "loud")`,
    );
    assert.equal(configError({ LLM_PROVIDER: 'gpt' }).message, `${HEADER}LLM_PROVIDER: expected none, openai or ollama (got "gpt")`);
  });

  it('GIVEN settings that contradict each other THEN the error says which and how', () => {
    assert.equal(
      configError({ CHUNK_SIZE: '500', CHUNK_OVERLAP: '600' }).message,
      'CHUNK_OVERLAP (600) must be smaller than CHUNK_SIZE (500).',
    );
    assert.deepEqual(configError({ LLM_PROVIDER: 'ollama' }).variables, ['LLM_MODEL']);
    assert.equal(
      configError({ LLM_PROVIDER: 'ollama' }).message,
      'LLM_MODEL is required when LLM_PROVIDER=ollama (for example llama3.1:8b).',
    );
    const key = configError({ LLM_PROVIDER: 'openai', LLM_MODEL: 'gpt-4o-mini' });
    assert.deepEqual(key.variables, ['LLM_API_KEY']);
    assert.match(key.message, /^LLM_API_KEY is required when LLM_PROVIDER=openai/);
  });

  it('GIVEN DISCORD_TOKEN pasted with "Bot ", quotes or spaces, or not shaped like a token THEN each is refused before connecting, saying why, without echoing it', () => {
    const cases: [string, string][] = [
      [`Bot ${TOKEN}`, 'it starts with "Bot "; set only the token itself'],
      [`"${TOKEN}"`, 'it contains quotes; in .env write DISCORD_TOKEN=<token> or DISCORD_TOKEN="<token>", not quotes inside the value'],
      [`'${TOKEN}'`, 'it contains quotes; in .env write DISCORD_TOKEN=<token> or DISCORD_TOKEN="<token>", not quotes inside the value'],
      [`${TOKEN} extra`, 'it contains spaces'],
      ['abcdefghijklmnopqrstuvwxyz012345', 'it looks like the OAuth2 client secret, not the bot token'],
      ['fake-token', 'a bot token is three parts separated by dots'],
    ];
    for (const [pasted, why] of cases) {
      const error = configError({ DISCORD_TOKEN: pasted });
      assert.deepEqual(error.variables, ['DISCORD_TOKEN']);
      assert.equal(
        error.message,
        `${HEADER}DISCORD_TOKEN: not a Discord bot token (${why}); copy it from the developer portal, Bot → Reset Token`,
      );
      for (const text of everyRendering(error)) assert.ok(!text.includes(pasted), text);
      for (const text of everyRendering(error)) assert.ok(!text.includes(TOKEN.slice(0, 12)), text);
    }
  });

  it('GIVEN the token pasted into another variable THEN the error names that variable but never prints the value', () => {
    for (const variable of ['DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'MODERATOR_ROLE_IDS', 'DISCORD_API_URL', 'ASK_CHANNEL_IDS']) {
      const error = configError({ [variable]: TOKEN });
      assert.deepEqual(error.variables, [variable]);
      assert.match(
        error.message,
        new RegExp(
          `${variable}: expected .*\\(the value looks like a token or key, so it is not shown; was it pasted into the wrong variable\\?\\)$`,
        ),
      );
      for (const text of everyRendering(error)) assert.ok(!text.includes(TOKEN.slice(0, 12)), text);
    }
  });

  it('GIVEN a short secret also set as DISCORD_TOKEN and repeated in a bad id THEN that value is not printed either', () => {
    const error = configError({ DISCORD_TOKEN: 'short-secret', DISCORD_CLIENT_ID: 'short-secret' });
    assert.ok(!error.message.includes('short-secret'), error.message);
  });

  it('GIVEN an API key pasted into LLM_BASE_URL THEN the key is not printed', () => {
    const error = configError({ LLM_BASE_URL: 'sk-proj-abcdefghijklmnopqrstuvwxyz' });
    assert.deepEqual(error.variables, ['LLM_BASE_URL']);
    assert.ok(!error.message.includes('sk-proj-abcdef'), error.message);
  });

  it('GIVEN a valid token and ids THEN they load, with empty values counted as unset', () => {
    const config = loadConfig({
      DISCORD_TOKEN: ` ${TOKEN} `,
      DISCORD_CLIENT_ID: '123456789012345678',
      MODERATOR_ROLE_IDS: '111111, 222222',
      LLM_MODEL: '',
    });
    assert.equal(config.discord.token, TOKEN);
    assert.deepEqual(config.discord.moderatorRoleIds, ['111111', '222222']);
    assert.equal(config.llm.model, undefined);
  });
});

describe('SHARDS', () => {
  it('GIVEN no SHARDS THEN the bot runs as one process; auto and a number are accepted', () => {
    assert.equal(loadConfig({}).discord.shards, 1);
    assert.equal(loadConfig({ SHARDS: 'auto' }).discord.shards, 'auto');
    assert.equal(loadConfig({ SHARDS: '4' }).discord.shards, 4);
    assert.equal(loadConfig({}).discord.shard, undefined);
  });

  it('GIVEN SHARDS=0 or a word THEN the error says what it expects', () => {
    for (const value of ['0', 'many']) {
      const error = configError({ SHARDS: value });
      assert.deepEqual(error.variables, ['SHARDS']);
      assert.equal(error.message, `${HEADER}SHARDS: expected auto or a whole number of shards from 1 to 4096 (got "${value}")`);
    }
  });

  it('GIVEN the environment discord.js gives a shard process THEN SHARDS is read as its id and SHARD_COUNT as the count', () => {
    const config = loadConfig({ SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' });
    assert.deepEqual(config.discord.shard, { id: 1, count: 2 });
    assert.equal(config.discord.shards, 2);
    assert.throws(() => loadConfig({ SHARDING_MANAGER: 'true', SHARDS: '2', SHARD_COUNT: '2' }), {
      name: 'ConfigError',
      variables: ['SHARDS'],
    });
  });
});
