import { DiscordAPIError, MessageFlags, type MessageMentionOptions, type RepliableInteraction } from 'discord.js';
import { UserError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { loggable } from './log-safe.ts';

/** Sent with every message: nothing in a question or an article may ping @everyone, @here, a role or a user. */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const satisfies MessageMentionOptions;

export const GENERIC_ERROR =
  'Something went wrong on my side while handling that. Please try again in a minute; if it keeps happening, tell a moderator.';

/** What the user is told about an error: a UserError's own message, anything else a generic line. */
export function userMessageFor(error: unknown): string {
  return error instanceof UserError ? error.message : GENERIC_ERROR;
}

/** Discord's codes for an interaction token that no longer works (expired after 15 minutes, or unknown). */
export function isExpiredInteraction(error: unknown): boolean {
  return error instanceof DiscordAPIError && [10015, 10062, 50027].includes(Number(error.code));
}

/**
 * Answers an interaction with the message for `error`, respecting its state: a fresh interaction gets an
 * ephemeral reply, a deferred one has its reply edited, one already answered gets an ephemeral follow-up.
 * Unexpected errors are logged; a failure to reply is logged, never thrown.
 */
export async function replyWithError(interaction: RepliableInteraction, error: unknown, logger: Logger): Promise<void> {
  if (!(error instanceof UserError)) logger.error({ err: loggable(error), interactionId: interaction.id }, 'interaction failed');
  const content = userMessageFor(error);
  try {
    if (interaction.deferred && !interaction.replied) {
      await interaction.editReply({ content, embeds: [], components: [], allowedMentions: NO_MENTIONS });
    } else if (interaction.replied) {
      await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    } else {
      await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    }
  } catch (replyError) {
    logger.warn({ err: loggable(replyError), interactionId: interaction.id }, 'could not tell the user about an error');
  }
}
