import { PermissionFlagsBits, type GuildMember, type APIInteractionGuildMember, type PermissionsBitField } from 'discord.js';

/**
 * Whether a member may run moderator commands: Manage Server (or Administrator) in this guild, or one of the
 * MODERATOR_ROLE_IDS. Checked in the handler too, because server admins can override default_member_permissions.
 */
export function isModerator(
  member: GuildMember | APIInteractionGuildMember | null,
  permissions: Readonly<PermissionsBitField> | null,
  moderatorRoleIds: readonly string[],
): boolean {
  if (permissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  if (!member) return false;
  const roles = Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  return roles.some((role) => moderatorRoleIds.includes(role));
}
