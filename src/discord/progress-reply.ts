import type { ChatInputCommandInteraction } from 'discord.js';
import type { Logger } from '../logger.ts';
import { LIMITS, truncate } from './limits.ts';
import { loggable } from './log-safe.ts';
import { isExpiredInteraction, NO_MENTIONS } from './replies.ts';

/** Discord invalidates an interaction token 15 minutes after the interaction; stop using it a little before. */
const TOKEN_LIFETIME_MS = 15 * 60 * 1000 - 30_000;

export interface ProgressReply {
  /** Shows `text`, at most once per interval; later calls within the interval replace earlier ones. */
  update(text: string): void;
  /** Shows the final text: edits the reply, or posts it in the channel when the token no longer works. */
  finish(text: string): Promise<void>;
}

/** Keeps a deferred reply up to date with progress, within Discord's edit rate and token lifetime. */
export function createProgressReply(
  interaction: ChatInputCommandInteraction,
  options: { intervalMs: number; logger: Logger },
): ProgressReply {
  let latest: string | undefined;
  let lastEdit = 0;
  let timer: NodeJS.Timeout | undefined;
  let edits: Promise<void> = Promise.resolve();
  let tokenDead = false;

  const expired = () => tokenDead || Date.now() - interaction.createdTimestamp > TOKEN_LIFETIME_MS;
  const edit = async (text: string) => {
    if (expired()) return;
    try {
      await interaction.editReply({ content: truncate(text, LIMITS.content), allowedMentions: NO_MENTIONS });
    } catch (error) {
      if (isExpiredInteraction(error)) tokenDead = true;
      else options.logger.warn({ err: loggable(error), interactionId: interaction.id }, 'could not edit a progress reply');
    }
  };
  const flush = () => {
    timer = undefined;
    const text = latest;
    latest = undefined;
    lastEdit = Date.now();
    if (text !== undefined) edits = edits.then(() => edit(text));
  };

  return {
    update(text) {
      latest = text;
      if (!timer && !tokenDead) timer = setTimeout(flush, Math.max(0, lastEdit + options.intervalMs - Date.now()));
    },
    async finish(text) {
      clearTimeout(timer);
      await edits;
      const content = truncate(text, LIMITS.content);
      if (!expired()) {
        try {
          await interaction.editReply({ content, allowedMentions: NO_MENTIONS });
          return;
        } catch (error) {
          options.logger.warn(
            { err: loggable(error), interactionId: interaction.id },
            'could not edit the final reply; posting in the channel',
          );
        }
      }
      const channel = interaction.channel ?? (await interaction.client.channels.fetch(interaction.channelId));
      if (!channel?.isSendable()) throw new Error(`Cannot post the result in channel ${interaction.channelId}`);
      await channel.send({
        content: truncate(`${text}\n-# Requested by <@${interaction.user.id}> with /${interaction.commandName}.`, LIMITS.content),
        allowedMentions: NO_MENTIONS,
      });
    },
  };
}
