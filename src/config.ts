import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { settingNameWarnings } from './config-names.ts';
import { ConfigError } from './errors.ts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');
const int = (min: number, max: number) => {
  const expected = `expected a whole number from ${min} to ${max}`;
  return z.coerce.number({ message: expected }).int(expected).min(min, expected).max(max, expected);
};
const idList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  )
  .refine((ids) => ids.every((id) => /^\d{5,25}$/.test(id)), 'expected comma-separated Discord ids (digits)');
const SHARDS_EXPECTED = 'expected auto or a whole number of shards from 1 to 4096';
const shardCount = z
  .string()
  .refine((value) => value === 'auto' || (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 4096), SHARDS_EXPECTED)
  .transform((value) => (value === 'auto' ? ('auto' as const) : Number(value)));
const snowflake = z.string().regex(/^\d{5,25}$/, 'expected a Discord id (digits)');
const url = (example: string) => z.url({ message: `expected a URL such as ${example}` });
// A bot token is three base64url parts joined by dots (the bot's id, a timestamp, a signature). Pasting "Bot <token>",
// quotes that are part of the value, or the OAuth2 client secret (32 characters, no dots) are the usual mistakes;
// Discord would only answer 401 at login, so the shape is checked before connecting.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{17,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/;
const botToken = z.string().superRefine((token, ctx) => {
  if (TOKEN_SHAPE.test(token)) return;
  const what = /^Bot\s/i.test(token)
    ? 'it starts with "Bot "; set only the token itself'
    : /["'`]/.test(token)
      ? 'it contains quotes; in .env write DISCORD_TOKEN=<token> or DISCORD_TOKEN="<token>", not quotes inside the value'
      : /\s/.test(token)
        ? 'it contains spaces'
        : /^[A-Za-z0-9_-]{32}$/.test(token)
          ? 'it looks like the OAuth2 client secret, not the bot token'
          : 'a bot token is three parts separated by dots';
  ctx.addIssue({ code: 'custom', message: `not a Discord bot token (${what}); copy it from the developer portal, Bot → Reset Token` });
});

/** Every setting Dossier reads, with its default. `.env.example` documents each one. */
const schema = z.object({
  CORPUS_DIR: z.string().min(1).default('corpus'),
  DATA_DIR: z.string().min(1).default('data'),
  MAX_FILE_BYTES: int(1, 1_000_000_000).default(2_000_000),
  CHUNK_SIZE: int(200, 8000).default(700),
  CHUNK_OVERLAP: int(0, 4000).default(150),
  EMBEDDINGS: z.enum(['auto', 'transformers', 'use-lite'], { message: 'expected auto, transformers or use-lite' }).default('auto'),
  EMBEDDING_MODEL: z.string().min(1).default('Xenova/all-MiniLM-L6-v2'),
  MODELS_DIR: z.string().min(1).optional(),
  ALLOW_REMOTE_MODELS: bool.default(true),
  MAX_QUESTION_CHARS: int(20, 6000).default(1000),
  LLM_PROVIDER: z.enum(['none', 'openai', 'ollama'], { message: 'expected none, openai or ollama' }).default('none'),
  LLM_BASE_URL: url('http://localhost:11434').optional(),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_TIMEOUT_MS: int(500, 600_000).default(20_000),
  DISCORD_TOKEN: botToken.optional(),
  DISCORD_CLIENT_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_URL: url('https://discord.com/api').default('https://discord.com/api'),
  MODERATOR_ROLE_IDS: idList.default([]),
  ASK_CHANNEL_IDS: idList.default([]),
  ASK_COOLDOWN_SECONDS: int(0, 3600).default(5),
  MAX_CONCURRENT_ANSWERS: int(1, 64).default(4),
  SHARDS: shardCount.default(1),
  URL_FETCH_ALLOW_PRIVATE: bool.default(false),
  URL_FETCH_MAX_BYTES: int(1000, 100_000_000).default(5_000_000),
  URL_FETCH_TIMEOUT_MS: int(500, 120_000).default(15_000),
  URL_FETCH_MAX_REDIRECTS: int(0, 20).default(5),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'expected fatal, error, warn, info, debug, trace or silent',
    })
    .default('info'),
});

type Settings = z.infer<typeof schema>;

/** The validated configuration, passed down from the edge; nothing below reads the environment. */
export interface Config {
  corpusDir: string;
  dataDir: string;
  maxFileBytes: number;
  chunking: { size: number; overlap: number };
  embeddings: { kind: Settings['EMBEDDINGS']; model: string; modelsDir?: string; allowRemote: boolean };
  maxQuestionChars: number;
  llm: { provider: Settings['LLM_PROVIDER']; baseUrl?: string; model?: string; apiKey?: string; timeoutMs: number };
  discord: {
    token?: string;
    clientId?: string;
    guildId?: string;
    apiUrl: string;
    moderatorRoleIds: string[];
    askChannelIds: string[];
    askCooldownSeconds: number;
    maxConcurrentAnswers: number;
    /** Shards to run, one process each; 1 is a single process without a sharding manager. */
    shards: number | 'auto';
    /** Set in a process the sharding manager spawned: which shard this is, of how many. */
    shard?: { id: number; count: number };
  };
  /** Fetching articles from URLs for `/corpus add` and `dossier add`. */
  urlFetch: { allowPrivate: boolean; maxBytes: number; timeoutMs: number; maxRedirects: number };
  logLevel: Settings['LOG_LEVEL'];
}

/** Secrets whose values must never be echoed, even inside a validation message. */
const SECRET_VARIABLES = ['DISCORD_TOKEN', 'LLM_API_KEY'];
// A Discord token (three dot-separated base64 parts), an API key ("sk-…"), or any long key-like run.
const SECRET_SHAPES = [/[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}/, /\b(?:sk|pk|rk|xox[abpr])-[\w-]{10,}/, /[A-Za-z0-9_\-+=]{32,}/];

/** How a bad value is quoted in an error: not at all when it is, contains or looks like a secret. */
function shownValue(variable: string, value: string, present: Record<string, string>): string {
  if (SECRET_VARIABLES.includes(variable)) return '';
  const secrets = SECRET_VARIABLES.map((name) => present[name]).filter((secret): secret is string => Boolean(secret));
  if (secrets.some((secret) => value.includes(secret)) || SECRET_SHAPES.some((shape) => shape.test(value))) {
    return ' (the value looks like a token or key, so it is not shown; was it pasted into the wrong variable?)';
  }
  return ` (got "${value.slice(0, 60)}")`;
}

/**
 * Validates settings from an environment-like record (empty strings count as unset).
 * @throws ConfigError naming every bad variable and what it expects, never a secret's value.
 */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  // In a process discord.js's ShardingManager spawned, SHARDS is the shard's own id and SHARD_COUNT the total.
  const shard = shardOfChild(env);
  if (shard) env = { ...env, SHARDS: String(shard.count) };
  const present = Object.fromEntries(
    Object.keys(schema.shape)
      .map((key) => [key, env[key]?.trim()] as const)
      .filter((entry): entry is readonly [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? 'config');
      return { variable, text: `${variable}: ${issue.message}${shownValue(variable, String(present[variable]), present)}` };
    });
    throw new ConfigError(
      `Invalid configuration — fix these in .env or the environment:\n  ${problems.map((p) => p.text).join('\n  ')}`,
      problems.map((p) => p.variable),
    );
  }
  const s = parsed.data;
  if (s.CHUNK_OVERLAP >= s.CHUNK_SIZE) {
    throw new ConfigError(`CHUNK_OVERLAP (${s.CHUNK_OVERLAP}) must be smaller than CHUNK_SIZE (${s.CHUNK_SIZE}).`, ['CHUNK_OVERLAP']);
  }
  if (s.LLM_PROVIDER !== 'none' && !s.LLM_MODEL) {
    const example = s.LLM_PROVIDER === 'ollama' ? 'llama3.1:8b' : 'gpt-4o-mini';
    throw new ConfigError(`LLM_MODEL is required when LLM_PROVIDER=${s.LLM_PROVIDER} (for example ${example}).`, ['LLM_MODEL']);
  }
  if (s.LLM_PROVIDER === 'openai' && !s.LLM_BASE_URL && !s.LLM_API_KEY) {
    throw new ConfigError(
      'LLM_API_KEY is required when LLM_PROVIDER=openai talks to api.openai.com; set LLM_BASE_URL for an OpenAI-compatible server that needs no key.',
      ['LLM_API_KEY'],
    );
  }
  return {
    corpusDir: resolve(cwd, s.CORPUS_DIR),
    dataDir: resolve(cwd, s.DATA_DIR),
    maxFileBytes: s.MAX_FILE_BYTES,
    chunking: { size: s.CHUNK_SIZE, overlap: s.CHUNK_OVERLAP },
    embeddings: {
      kind: s.EMBEDDINGS,
      model: s.EMBEDDING_MODEL,
      modelsDir: s.MODELS_DIR ? resolve(cwd, s.MODELS_DIR) : undefined,
      allowRemote: s.ALLOW_REMOTE_MODELS,
    },
    maxQuestionChars: s.MAX_QUESTION_CHARS,
    llm: { provider: s.LLM_PROVIDER, baseUrl: s.LLM_BASE_URL, model: s.LLM_MODEL, apiKey: s.LLM_API_KEY, timeoutMs: s.LLM_TIMEOUT_MS },
    discord: {
      token: s.DISCORD_TOKEN,
      clientId: s.DISCORD_CLIENT_ID,
      guildId: s.DISCORD_GUILD_ID,
      apiUrl: s.DISCORD_API_URL.replace(/\/+$/, ''),
      moderatorRoleIds: s.MODERATOR_ROLE_IDS,
      askChannelIds: s.ASK_CHANNEL_IDS,
      askCooldownSeconds: s.ASK_COOLDOWN_SECONDS,
      maxConcurrentAnswers: s.MAX_CONCURRENT_ANSWERS,
      shards: s.SHARDS,
      ...(shard ? { shard } : {}),
    },
    urlFetch: {
      allowPrivate: s.URL_FETCH_ALLOW_PRIVATE,
      maxBytes: s.URL_FETCH_MAX_BYTES,
      timeoutMs: s.URL_FETCH_TIMEOUT_MS,
      maxRedirects: s.URL_FETCH_MAX_REDIRECTS,
    },
    logLevel: s.LOG_LEVEL,
  };
}

function shardOfChild(env: Record<string, string | undefined>): { id: number; count: number } | undefined {
  if (env.SHARDING_MANAGER !== 'true') return undefined;
  const id = Number(env.SHARDS);
  const count = Number(env.SHARD_COUNT);
  if (!Number.isInteger(id) || !Number.isInteger(count) || id < 0 || id >= count) {
    throw new ConfigError(
      `SHARDS/SHARD_COUNT set by the sharding manager are not a shard id and count (got ${env.SHARDS}/${env.SHARD_COUNT}).`,
      ['SHARDS'],
    );
  }
  return { id, count };
}

/** The names of every setting, as written in `.env`. */
export const SETTING_NAMES: readonly string[] = Object.keys(schema.shape);

/** Where `loadConfigFromDotenv` reads from; by default the process's environment and `./.env`. */
export interface DotenvSource {
  cwd?: string;
  /** Given explicitly, it is read but not modified; by default `.env` values are copied into `process.env` as dotenv does. */
  env?: Record<string, string | undefined>;
  /** Receives one line per ignored setting name (unknown, wrong case, typo). Defaults to stderr. */
  warn?: (message: string) => void;
}

/**
 * For entry points only: reads `.env` (values from the environment win, as with dotenv), warns about names Dossier
 * would ignore, then validates. @throws ConfigError as `loadConfig`.
 */
export function loadConfigFromDotenv(source: DotenvSource = {}): Config {
  const cwd = source.cwd ?? process.cwd();
  const env = source.env ?? process.env;
  const warn = source.warn ?? ((message: string) => process.stderr.write(`warning: ${message}\n`));
  let text: string | undefined;
  try {
    text = readFileSync(join(cwd, '.env'), 'utf8');
  } catch {
    // No .env: settings come from the environment alone.
  }
  const fromFile = text === undefined ? {} : parseDotenv(text);
  for (const message of settingNameWarnings(SETTING_NAMES, Object.keys(fromFile), Object.keys(env))) warn(message);
  if (!source.env) {
    for (const [key, value] of Object.entries(fromFile)) process.env[key] ??= value;
  }
  return loadConfig({ ...fromFile, ...env }, cwd);
}
