/** Users, a guild and payload builders for the Discord API emulator: the shapes discord.js 14 needs to accept them. */

// Loose JSON for payloads: the emulator mirrors Discord's wire format, which the tests read field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

const DISCORD_EPOCH = 1_420_070_400_000n;
let counter = 0n;

/** A fresh snowflake whose timestamp is now, as Discord makes them (discord.js reads creation times from ids). */
export function snowflake(): string {
  counter = (counter + 1n) % 4096n;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | counter).toString();
}

/** Permission bits used by the fixtures. */
export const PERMISSIONS = {
  viewChannel: 1n << 10n,
  sendMessages: 1n << 11n,
  readMessageHistory: 1n << 16n,
  manageGuild: 1n << 5n,
  administrator: 1n << 3n,
};
/** What an ordinary member may do in a text channel. */
export const MEMBER_PERMISSIONS = (PERMISSIONS.viewChannel | PERMISSIONS.sendMessages | PERMISSIONS.readMessageHistory).toString();
/** An ordinary member's rights plus Manage Server. */
export const MANAGER_PERMISSIONS = (BigInt(MEMBER_PERMISSIONS) | PERMISSIONS.manageGuild).toString();

export interface FixtureUser {
  id: string;
  username: string;
  bot?: boolean;
}

export const BOT_USER: FixtureUser = { id: '1100000000000000001', username: 'Dossier', bot: true };
export const ALICE: FixtureUser = { id: '1100000000000000002', username: 'alice' };
export const BOB: FixtureUser = { id: '1100000000000000003', username: 'bob' };
export const MOD: FixtureUser = { id: '1100000000000000004', username: 'mod' };

export const GUILD_ID = '1200000000000000001';
export const GENERAL_CHANNEL_ID = '1300000000000000001';
export const ASK_CHANNEL_ID = '1300000000000000002';
export const MODERATOR_ROLE_ID = '1400000000000000001';

/** A user object as Discord sends it. */
export function userPayload(user: FixtureUser): Json {
  return { id: user.id, username: user.username, discriminator: '0', global_name: null, avatar: null, bot: user.bot ?? false };
}

/** A guild member as Discord sends it. */
export function memberPayload(user: FixtureUser, roles: string[] = []): Json {
  return { user: userPayload(user), roles, joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 };
}

/** A guild text channel. */
export function textChannelPayload(id: string, name: string, guildId = GUILD_ID): Json {
  return { id, type: 0, name, guild_id: guildId, position: 0, permission_overwrites: [], parent_id: null, nsfw: false, topic: null };
}

/** A public thread under `parentId`; a thread started on a message has that message's id. */
export function threadPayload(id: string, parentId: string, ownerId: string, guildId = GUILD_ID): Json {
  return {
    id,
    type: 11,
    name: 'follow-up',
    guild_id: guildId,
    parent_id: parentId,
    owner_id: ownerId,
    message_count: 0,
    member_count: 1,
    thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
  };
}

/** The test guild: two text channels, @everyone and a moderator role, the bot and three members. Other ids make another such guild. */
export function defaultGuild(
  ids: { guildId: string; generalChannelId: string; askChannelId: string; name?: string } = {
    guildId: GUILD_ID,
    generalChannelId: GENERAL_CHANNEL_ID,
    askChannelId: ASK_CHANNEL_ID,
  },
): Json {
  const guildId = ids.guildId;
  return {
    id: guildId,
    name: ids.name ?? 'Case Room',
    icon: null,
    owner_id: MOD.id,
    unavailable: false,
    large: false,
    member_count: 4,
    joined_at: '2024-01-01T00:00:00.000Z',
    features: [],
    emojis: [],
    stickers: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    roles: [
      {
        id: guildId,
        name: '@everyone',
        color: 0,
        hoist: false,
        position: 0,
        permissions: MEMBER_PERMISSIONS,
        managed: false,
        mentionable: false,
        flags: 0,
      },
      {
        id: MODERATOR_ROLE_ID,
        name: 'Case moderators',
        color: 0,
        hoist: false,
        position: 1,
        permissions: MEMBER_PERMISSIONS,
        managed: false,
        mentionable: true,
        flags: 0,
      },
    ],
    channels: [textChannelPayload(ids.generalChannelId, 'general', guildId), textChannelPayload(ids.askChannelId, 'ask-dossier', guildId)],
    threads: [],
    members: [memberPayload(BOT_USER), memberPayload(ALICE), memberPayload(BOB), memberPayload(MOD, [MODERATOR_ROLE_ID])],
  };
}

/** A message as Discord returns and dispatches it. */
export function messagePayload(
  fields: { id?: string; channelId: string; guildId?: string; author: FixtureUser; content?: string } & Json,
): Json {
  const { id, channelId, guildId, author, content, ...rest } = fields;
  return {
    id: id ?? snowflake(),
    type: 0,
    channel_id: channelId,
    guild_id: guildId,
    author: userPayload(author),
    content: content ?? '',
    embeds: [],
    components: [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    flags: 0,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    ...rest,
  };
}
