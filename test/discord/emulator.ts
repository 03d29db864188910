/**
 * A small Discord API emulator on 127.0.0.1 (REST over node:http, gateway over ws) that the real discord.js
 * client logs into. It records every REST request for assertions and can inject faults: gateway closes,
 * missing heartbeat ACKs, 429/5xx responses and expired interaction tokens.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { handleRest, type RestState } from './emulator-rest.ts';
import {
  BOT_USER,
  defaultGuild,
  GUILD_ID,
  memberPayload,
  messagePayload,
  snowflake,
  userPayload,
  type FixtureUser,
  type Json,
} from './emulator-fixtures.ts';

/** A file uploaded with a request (multipart/form-data, as discord.js sends attachments). */
export interface RecordedFile {
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

/**
 * One REST request as it reached the emulator. `path` is decoded and relative to `/api/v10`. For a multipart
 * request, `body` is its `payload_json` part and `files` its uploads.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Json | undefined;
  files: RecordedFile[];
  status: number;
  authorization?: string;
}

export interface EmulatorOptions {
  token?: string;
  heartbeatIntervalMs?: number;
  guilds?: Json[];
  /** The shard count GET /gateway/bot recommends (default 1), and how many sessions may start at once (default 1). */
  shards?: number;
  maxConcurrency?: number;
}

/** Discord's rule for which shard receives a guild's events: `(guild_id >> 22) % shard_count`. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A fault answered instead of the next matching REST requests. */
export interface RestFault {
  status: number;
  retryAfterSeconds?: number;
  remaining: number;
  match?: (method: string, path: string) => boolean;
}

interface Session {
  id: string;
  socket?: WebSocket;
  seq: number;
  intents: number;
  buffered: Json[];
  /** [shard_id, shard_count] from IDENTIFY; [0, 1] when the client did not shard. */
  shard: [number, number];
}

const MESSAGE_CONTENT_INTENT = 1 << 15;
/** Discord's upload limit for a server without boosts (10 MiB), sent in interactions as attachment_size_limit. */
export const ATTACHMENT_SIZE_LIMIT = 10_485_760;

/** A JSON body, or a multipart one split as Discord reads it: `payload_json` plus `files[n]` uploads. */
async function parseBody(raw: Buffer, contentType: string): Promise<{ body: Json | undefined; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.includes('json')) return { body: JSON.parse(raw.toString('utf8')) as Json, files: [] };
  if (!contentType.startsWith('multipart/form-data')) return { body: undefined, files: [] };
  // undici's multipart parser, through the fetch Response that Node ships.
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const files: RecordedFile[] = [];
  let body: Json | undefined;
  for (const [field, value] of form) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = JSON.parse(value) as Json;
    } else {
      files.push({ field, name: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
    }
  }
  return { body, files };
}

export type DiscordEmulator = Awaited<ReturnType<typeof startEmulator>>;

/** Starts the emulator on an ephemeral loopback port. Call `close()` when done. */
export async function startEmulator(options: EmulatorOptions = {}) {
  // Shaped like a bot token (three dot-separated parts), as the configuration requires; not a real one.
  const token = options.token ?? 'MTAwMDAwMDAwMDAwMDAwMDAx.Emulat.emulator-bot-token-not-a-real-one';
  const guilds = options.guilds ?? [defaultGuild()];
  const requests: RecordedRequest[] = [];
  const waiters = new Set<{ predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }>();
  const sessions = new Map<string, Session>();
  const sockets = new Set<WebSocket>();
  let acknowledgeHeartbeats = true;

  // Node's 5 s keep-alive default closes idle sockets that a CPU-starved client (a shard on a busy machine) may be
  // reusing at that instant, which fails the request with "other side closed"; Discord's edge keeps them longer.
  const server = createServer({ keepAliveTimeout: 60_000 });
  const wss = new WebSocketServer({ server });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  const gatewayUrl = `ws://127.0.0.1:${port}`;

  const state: RestState = {
    token,
    applicationId: BOT_USER.id,
    botUser: BOT_USER,
    guilds,
    gatewayUrl,
    shards: options.shards ?? 1,
    maxConcurrency: options.maxConcurrency ?? 1,
    interactions: new Map(),
    messages: new Map(),
    attachmentSizeLimit: ATTACHMENT_SIZE_LIMIT,
    commands: new Map(),
    faults: [],
    dispatch: (t, d) => dispatch(t, d),
  };

  // Files attached to commands, served as Discord's CDN serves them (the bot downloads them by URL).
  const attachments = new Map<string, { content: Buffer; contentType: string }>();

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const file = req.url?.startsWith('/attachments/') ? attachments.get(req.url) : undefined;
    if (req.url?.startsWith('/attachments/')) {
      res.writeHead(file ? 200 : 404, {
        'content-type': file?.contentType ?? 'text/plain',
        'content-length': String(file?.content.length ?? 9),
      });
      res.end(file?.content ?? 'not found');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ''));
      const { body, files } = await parseBody(Buffer.concat(chunks), String(req.headers['content-type'] ?? ''));
      const reply = handleRest(state, req.method ?? 'GET', path, body, req.headers.authorization, files);
      const record: RecordedRequest = {
        method: req.method ?? 'GET',
        path,
        query: url.searchParams,
        body,
        files,
        status: reply.status,
        authorization: req.headers.authorization,
      };
      requests.push(record);
      res.writeHead(reply.status, { ...(reply.body === undefined ? {} : { 'content-type': 'application/json' }), ...reply.headers });
      res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
      for (const waiter of waiters) {
        if (waiter.predicate(record)) {
          waiters.delete(waiter);
          waiter.resolve(record);
        }
      }
    });
  });

  // Every IDENTIFY and RESUME received, in order, so reconnection tests can tell a resumed session from a new one.
  const handshakes: ('identify' | 'resume')[] = [];

  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    send(socket, { op: 10, d: { heartbeat_interval: options.heartbeatIntervalMs ?? 41_250 } });
    socket.on('message', (data) => onGatewayMessage(socket, JSON.parse(String(data)) as Json));
  });

  function send(socket: WebSocket, payload: Json): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
  }

  function onGatewayMessage(socket: WebSocket, payload: Json): void {
    if (payload.op === 1) {
      if (acknowledgeHeartbeats) send(socket, { op: 11 });
    } else if (payload.op === 2) {
      handshakes.push('identify');
      identify(socket, payload.d as Json);
    } else if (payload.op === 6) {
      handshakes.push('resume');
      resume(socket, payload.d as Json);
    }
  }

  function identify(socket: WebSocket, d: Json): void {
    if (d.token !== token) {
      socket.close(4004, 'Authentication failed.');
      return;
    }
    const shard: [number, number] = Array.isArray(d.shard) ? [Number(d.shard[0]), Number(d.shard[1])] : [0, 1];
    if (!(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) {
      socket.close(4010, 'Invalid shard.');
      return;
    }
    // A new session for a shard replaces the old one, as Discord does when a shard's process restarts.
    for (const [id, old] of sessions) if (old.shard[0] === shard[0] && old.shard[1] === shard[1]) sessions.delete(id);
    const session: Session = { id: snowflake(), socket, seq: 0, intents: Number(d.intents ?? 0), buffered: [], shard };
    sessions.set(session.id, session);
    const own = guilds.filter((guild) => receives(session, guild.id));
    sendDispatch(session, 'READY', {
      v: 10,
      user: userPayload(BOT_USER),
      guilds: own.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: gatewayUrl,
      application: { id: BOT_USER.id, flags: 0 },
      shard,
    });
    for (const guild of own) sendDispatch(session, 'GUILD_CREATE', guild);
  }

  function resume(socket: WebSocket, d: Json): void {
    const session = sessions.get(String(d.session_id));
    if (!session || d.token !== token) {
      send(socket, { op: 9, d: false });
      return;
    }
    session.socket = socket;
    for (const payload of session.buffered.splice(0)) send(socket, payload);
    sendDispatch(session, 'RESUMED', {});
  }

  function sendDispatch(session: Session, t: string, d: Json): void {
    session.seq += 1;
    const payload = { op: 0, t, s: session.seq, d };
    if (session.socket?.readyState === session.socket?.OPEN) send(session.socket!, payload);
    else session.buffered.push(payload);
  }

  /** A guild's events go to the shard Discord's rule picks; events outside guilds (DMs) go to shard 0. */
  function receives(session: Session, guildId: string | undefined): boolean {
    return guildId ? shardOf(guildId, session.shard[1]) === session.shard[0] : session.shard[0] === 0;
  }

  /** Sends a gateway event to every session that receives it; content is blanked where Discord would (no Message Content intent). */
  function dispatch(t: string, d: Json): void {
    for (const session of sessions.values()) {
      if (!receives(session, d.guild_id ?? (t === 'GUILD_CREATE' ? d.id : undefined))) continue;
      const mentionsBot = Array.isArray(d.mentions) && d.mentions.some((user: Json) => user.id === BOT_USER.id);
      const hide = t === 'MESSAGE_CREATE' && !(session.intents & MESSAGE_CONTENT_INTENT) && !mentionsBot && d.author?.id !== BOT_USER.id;
      sendDispatch(session, t, hide ? { ...d, content: '', embeds: [] } : d);
    }
  }

  return {
    /** Base for `rest.api` / DISCORD_API_URL; discord.js appends /v10. */
    apiUrl: `http://127.0.0.1:${port}/api`,
    token,
    applicationId: BOT_USER.id,
    requests,
    state,
    /** The [shard_id, shard_count] of every live session, in the order they identified. */
    get shards(): [number, number][] {
      return [...sessions.values()].map((session) => session.shard);
    },
    /** Every IDENTIFY ('identify') and RESUME ('resume') the gateway received, in order. */
    get handshakes(): ('identify' | 'resume')[] {
      return [...handshakes];
    },
    /** Intents the last IDENTIFY asked for. */
    get intents(): number | undefined {
      return [...sessions.values()].at(-1)?.intents;
    },

    /** Resolves with the first request (already recorded or still to come) that matches. */
    waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5000, label = 'a matching request'): Promise<RecordedRequest> {
      const seen = requests.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve: (r: RecordedRequest) => (clearTimeout(timer), resolve(r)) };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const recent = requests
            .slice(-8)
            .map((r) => `${r.method} ${r.path} → ${r.status}`)
            .join('\n  ');
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${label}. Last requests:\n  ${recent}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },

    /** Requests made with one interaction token (callback, edits, follow-ups), in order. */
    requestsFor(interactionToken: string): RecordedRequest[] {
      return requests.filter((r) => r.path.includes(`/${interactionToken}`));
    },

    /**
     * A member runs a slash command (or one of its subcommands); returns the interaction's id and token. Files in
     * `attachments` are attachment options, served from the emulator's CDN path as Discord serves uploads.
     */
    command(input: {
      user: FixtureUser;
      name: string;
      subcommand?: string;
      options?: Record<string, string | number | boolean>;
      attachments?: Record<string, { filename: string; content: Buffer | string; contentType?: string }>;
      permissions: string;
      roles?: string[];
      channelId: string;
      guildId?: string;
    }) {
      const options: Json[] = Object.entries(input.options ?? {}).map(([name, value]) => ({
        name,
        value,
        type: typeof value === 'string' ? 3 : typeof value === 'number' ? 4 : 5,
      }));
      const resolved: Json = {};
      for (const [name, file] of Object.entries(input.attachments ?? {})) {
        const id = snowflake();
        const content = Buffer.from(file.content);
        const path = `/attachments/${id}/${encodeURIComponent(file.filename)}`;
        attachments.set(path, { content, contentType: file.contentType ?? 'application/octet-stream' });
        const url = `http://127.0.0.1:${port}${path}`;
        (resolved.attachments ??= {})[id] = {
          id,
          filename: file.filename,
          size: content.length,
          url,
          proxy_url: url,
          ...(file.contentType ? { content_type: file.contentType } : {}),
        };
        options.push({ name, type: 11, value: id });
      }
      const top = input.subcommand ? [{ name: input.subcommand, type: 1, options }] : options;
      return interact(input, 2, {
        id: commandId(input.name),
        name: input.name,
        type: 1,
        options: top,
        ...(resolved.attachments ? { resolved } : {}),
      });
    },

    /** A member types into an option with autocomplete (of a subcommand, when given). */
    autocomplete(input: {
      user: FixtureUser;
      name: string;
      subcommand?: string;
      focused: string;
      value: string;
      permissions: string;
      channelId: string;
    }) {
      const focused = [{ name: input.focused, type: 3, value: input.value, focused: true }];
      const options = input.subcommand ? [{ name: input.subcommand, type: 1, options: focused }] : focused;
      return interact(input, 4, { id: commandId(input.name), name: input.name, type: 1, options });
    },

    /** A member clicks a button on a message the bot sent. */
    click(input: { user: FixtureUser; customId: string; messageId: string; permissions: string; channelId: string }) {
      const message = state.messages.get(input.messageId);
      if (!message) throw new Error(`No message ${input.messageId} in the emulator`);
      return interact(input, 3, { custom_id: input.customId, component_type: 2 }, { message });
    },

    /** A user posts a message; `<@id>` mentions are parsed as Discord does. */
    postMessage(input: { author: FixtureUser; content: string; channelId: string; messageReference?: string }): Json {
      const mentioned = [...input.content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]);
      const message = messagePayload({
        channelId: input.channelId,
        guildId: GUILD_ID,
        author: input.author,
        content: input.content,
        member: { ...memberPayload(input.author), user: undefined },
        mentions: [BOT_USER].filter((u) => mentioned.includes(u.id)).map(userPayload),
        mention_everyone: /@(everyone|here)/.test(input.content),
        ...(input.messageReference
          ? { message_reference: { message_id: input.messageReference, channel_id: input.channelId, guild_id: GUILD_ID } }
          : {}),
      });
      state.messages.set(message.id, message);
      dispatch('MESSAGE_CREATE', message);
      return message;
    },

    /** Sends any gateway event (THREAD_CREATE, GUILD_MEMBER_UPDATE…) to connected clients. */
    dispatch,

    // Faults, for reliability tests.
    /** Answers the next `count` REST requests (matching `match`, if given) with `status`, e.g. 429 or 502. */
    failNext(count: number, status: number, extra: { retryAfterSeconds?: number; match?: RestFault['match'] } = {}): void {
      state.faults.push({ status, remaining: count, ...extra });
    },
    /** Makes an interaction token invalid, as Discord does 15 minutes after the interaction. */
    expireToken(interactionToken: string): void {
      const interaction = state.interactions.get(interactionToken);
      if (interaction) interaction.expired = true;
    },
    /** Closes every gateway connection with `code` (4000 lets the client resume). */
    closeGateway(code = 4000): void {
      for (const socket of sockets) socket.close(code, 'emulator closed the connection');
    },
    /** Stops or resumes answering heartbeats with ACKs. */
    setHeartbeatAcks(enabled: boolean): void {
      acknowledgeHeartbeats = enabled;
    },

    async close(): Promise<void> {
      // Stop accepting connections first, then end every client: ws's close waits for all of them, and a client
      // whose handshake finished after the clients were ended (a reconnect in flight) would keep it waiting forever.
      const closed = new Promise((resolve) => wss.close(resolve));
      for (const client of wss.clients) client.terminate();
      await closed;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };

  function commandId(name: string): string {
    return [...state.commands.values()].flat().find((c) => c.name === name)?.id ?? snowflake();
  }

  function interact(
    input: { user: FixtureUser; permissions: string; roles?: string[]; channelId: string; guildId?: string },
    type: number,
    data: Json,
    extra: Json = {},
  ) {
    const id = snowflake();
    const guildId = input.guildId ?? GUILD_ID;
    const interactionToken = `itk-${id}`;
    const channel = guilds.flatMap((g) => [...g.channels, ...(g.threads ?? [])]).find((c: Json) => c.id === input.channelId);
    state.interactions.set(interactionToken, {
      id,
      token: interactionToken,
      channelId: input.channelId,
      acknowledged: false,
      expired: false,
      messageId: extra.message?.id,
    });
    dispatch('INTERACTION_CREATE', {
      id,
      application_id: BOT_USER.id,
      type,
      token: interactionToken,
      version: 1,
      data,
      guild_id: guildId,
      channel_id: input.channelId,
      channel,
      member: { ...memberPayload(input.user, input.roles ?? []), permissions: input.permissions },
      app_permissions: input.permissions,
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { 0: guildId },
      context: 0,
      attachment_size_limit: state.attachmentSizeLimit,
      ...extra,
    });
    return { id, token: interactionToken };
  }
}
