/** The emulator's REST routes: just what the bot and deploy-commands call, answered as Discord does. */
import { messagePayload, snowflake, type FixtureUser, type Json } from './emulator-fixtures.ts';
import type { RecordedFile, RestFault } from './emulator.ts';

export interface EmulatedInteraction {
  id: string;
  token: string;
  channelId: string;
  acknowledged: boolean;
  expired: boolean;
  /** The message a button was clicked on (for UPDATE_MESSAGE callbacks). */
  messageId?: string;
  originalId?: string;
}

export interface RestState {
  token: string;
  applicationId: string;
  botUser: FixtureUser;
  guilds: Json[];
  gatewayUrl: string;
  /** What GET /gateway/bot recommends. */
  shards: number;
  maxConcurrency: number;
  interactions: Map<string, EmulatedInteraction>;
  messages: Map<string, Json>;
  /** Largest upload Discord accepts, per file, in bytes. */
  attachmentSizeLimit: number;
  /** Registered commands by scope: "global" or a guild id. */
  commands: Map<string, Json[]>;
  faults: RestFault[];
  dispatch: (t: string, d: Json) => void;
}

export interface RestReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const json = (status: number, body?: unknown): RestReply => ({ status, body });
const error = (status: number, code: number, message: string): RestReply => json(status, { message, code });

/** Routes one request; `path` is relative to /api/v10 and already URL-decoded. */
export function handleRest(
  state: RestState,
  method: string,
  path: string,
  body: Json | undefined,
  authorization?: string,
  files: RecordedFile[] = [],
): RestReply {
  const fault = state.faults.find((f) => f.remaining > 0 && (!f.match || f.match(method, path)));
  if (fault) {
    fault.remaining -= 1;
    if (fault.status === 429) {
      const retryAfter = fault.retryAfterSeconds ?? 0.05;
      return {
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
        headers: { 'retry-after': String(retryAfter), 'x-ratelimit-scope': 'user' },
      };
    }
    return error(fault.status, 0, `${fault.status}: emulated server error`);
  }

  const oversized = files.find((file) => file.data.length > state.attachmentSizeLimit);
  if (oversized) return error(413, 40005, 'Request entity too large');
  if (files.length > 0) body = { ...(body ?? {}), attachments: attachmentsOf(body, files) };

  let m: RegExpMatchArray | null;
  if ((m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/)) && method === 'POST') return callback(state, m[2]!, body ?? {});
  if ((m = path.match(/^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/))) return webhook(state, method, m[2]!, m[3], body ?? {});

  // Everything else needs the bot token.
  if (authorization !== `Bot ${state.token}`) return error(401, 0, '401: Unauthorized');
  if (path === '/gateway/bot' && method === 'GET') {
    return json(200, {
      url: state.gatewayUrl,
      shards: state.shards,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: state.maxConcurrency },
    });
  }
  if ((m = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/)) && method === 'PUT') {
    if (m[1] !== state.applicationId) return error(403, 50001, 'Missing Access');
    const registered = (body as unknown as Json[]).map((command) => ({
      ...command,
      id: snowflake(),
      application_id: state.applicationId,
      version: snowflake(),
      type: command.type ?? 1,
      ...(m![2] ? { guild_id: m![2] } : {}),
    }));
    state.commands.set(m[2] ?? 'global', registered);
    return json(200, registered);
  }
  if ((m = path.match(/^\/channels\/(\d+)\/messages$/)) && method === 'POST') {
    if (!findChannel(state, m[1]!)) return error(404, 10003, 'Unknown Channel');
    const message = botMessage(state, m[1]!, body ?? {});
    state.dispatch('MESSAGE_CREATE', message);
    return json(200, message);
  }
  if ((m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/)) && method === 'GET') {
    const message = state.messages.get(m[2]!);
    return message ? json(200, message) : error(404, 10008, 'Unknown Message');
  }
  if ((m = path.match(/^\/channels\/(\d+)\/typing$/)) && method === 'POST') return json(204);
  if ((m = path.match(/^\/channels\/(\d+)$/)) && method === 'GET') {
    const channel = findChannel(state, m[1]!);
    return channel ? json(200, channel) : error(404, 10003, 'Unknown Channel');
  }
  return error(404, 0, `404: Not Found (${method} ${path} is not emulated)`);
}

function findChannel(state: RestState, id: string): Json | undefined {
  return state.guilds.flatMap((g) => [...g.channels, ...(g.threads ?? [])]).find((c: Json) => c.id === id);
}

function guildOf(state: RestState, channelId: string): string | undefined {
  return state.guilds.find((g) => [...g.channels, ...(g.threads ?? [])].some((c: Json) => c.id === channelId))?.id;
}

/** A message the bot sends, stored so that buttons on it can be clicked and it can be fetched. */
function botMessage(state: RestState, channelId: string, body: Json, extra: Json = {}): Json {
  const message = messagePayload({
    channelId,
    guildId: guildOf(state, channelId),
    author: state.botUser,
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    attachments: body.attachments ?? [],
    flags: body.flags ?? 0,
    ...(body.message_reference ? { message_reference: body.message_reference, type: 19 } : {}),
    ...extra,
  });
  state.messages.set(message.id, message);
  return message;
}

function callback(state: RestState, token: string, body: Json): RestReply {
  const interaction = state.interactions.get(token);
  if (!interaction || interaction.expired) return error(404, 10062, 'Unknown interaction');
  if (interaction.acknowledged) return error(400, 40060, 'Interaction has already been acknowledged.');
  interaction.acknowledged = true;
  const data: Json = body.data ?? {};
  if (body.type === 4 || body.type === 5) {
    const loading = body.type === 5 ? 128 : 0;
    const original = botMessage(
      state,
      interaction.channelId,
      { ...data, flags: (data.flags ?? 0) | loading },
      { webhook_id: state.applicationId },
    );
    interaction.originalId = original.id;
  } else if (body.type === 7 && interaction.messageId) {
    const message = state.messages.get(interaction.messageId);
    if (message) Object.assign(message, pickMessageFields(data), { edited_timestamp: new Date().toISOString() });
  }
  return json(204);
}

function webhook(state: RestState, method: string, token: string, messageId: string | undefined, body: Json): RestReply {
  const interaction = state.interactions.get(token);
  if (!interaction || interaction.expired) return error(401, 50027, 'Invalid Webhook Token');
  if (!messageId && method === 'POST') {
    return json(200, botMessage(state, interaction.channelId, body, { webhook_id: state.applicationId }));
  }
  // A component interaction's original message is the one its button was on.
  const id = messageId === '@original' ? (interaction.originalId ?? interaction.messageId) : messageId;
  const message = id ? state.messages.get(id) : undefined;
  if (!message) return error(404, 10008, 'Unknown Message');
  if (method === 'GET') return json(200, message);
  if (method === 'DELETE') {
    state.messages.delete(message.id);
    return json(204);
  }
  if (method === 'PATCH') {
    const fields = pickMessageFields(body);
    // Without an upload, `attachments` lists the ids of the message's attachments to keep.
    if (Array.isArray(fields.attachments))
      fields.attachments = fields.attachments
        .map((a: Json) => (a.size !== undefined ? a : message.attachments.find((kept: Json) => kept.id === String(a.id))))
        .filter(Boolean);
    Object.assign(message, fields, { flags: message.flags & ~128, edited_timestamp: new Date().toISOString() });
    return json(200, message);
  }
  return error(405, 0, '405: Method Not Allowed');
}

function pickMessageFields(body: Json): Json {
  return Object.fromEntries(Object.entries(body).filter(([key]) => ['content', 'embeds', 'components', 'attachments'].includes(key)));
}

/**
 * The attachment objects Discord stores for uploaded files: `payload_json.attachments[i]` names upload
 * `files[i]` (its filename and description); every upload gets an id, its size and a CDN URL.
 */
function attachmentsOf(body: Json | undefined, files: RecordedFile[]): Json[] {
  const declared: Json[] = body?.attachments ?? [];
  return files.map((file, i) => {
    const index = Number(/^files\[(\d+)\]$/.exec(file.field)?.[1] ?? i);
    const meta = declared.find((a) => String(a.id) === String(index)) ?? {};
    const id = snowflake();
    const filename = meta.filename ?? file.name;
    return {
      id,
      filename,
      ...(meta.description ? { description: meta.description } : {}),
      content_type: file.contentType,
      size: file.data.length,
      url: `https://cdn.discordapp.com/attachments/0/${id}/${filename}`,
      proxy_url: `https://media.discordapp.net/attachments/0/${id}/${filename}`,
    };
  });
}
