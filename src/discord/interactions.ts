import type { Interaction } from 'discord.js';
import { UserError } from '../errors.ts';
import { buttonOwner } from './buttons.ts';
import type { CommandContext, CommandRegistry } from './command.ts';
import { handleFeedback, type FeedbackStore } from './feedback.ts';
import { loggable } from './log-safe.ts';
import { GENERIC_ERROR, replyWithError } from './replies.ts';

/** Routes slash commands, autocomplete and button clicks to their handlers; every interaction gets an answer. */
export function createInteractionHandler(commands: CommandRegistry, ctx: CommandContext, feedback: FeedbackStore) {
  return async (interaction: Interaction): Promise<void> => {
    if (interaction.isAutocomplete()) {
      try {
        await commands.get(interaction.commandName)?.autocomplete?.(interaction, ctx);
      } catch (error) {
        ctx.logger.warn({ err: loggable(error), command: interaction.commandName }, 'autocomplete failed');
      }
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
      return;
    }
    if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
    try {
      if (interaction.isChatInputCommand()) {
        const command = commands.get(interaction.commandName);
        if (!command)
          throw new UserError(
            'I no longer know that command. A moderator can refresh the list with `npm run deploy-commands`.',
            'UNKNOWN_COMMAND',
          );
        await command.execute(interaction, ctx);
      } else {
        const owner = buttonOwner(interaction.customId);
        const handler = owner === 'feedback' ? undefined : commands.get(owner)?.button;
        if (owner === 'feedback') await handleFeedback(interaction, feedback, ctx.answers, ctx.logger);
        else if (handler) await handler(interaction, ctx);
        else throw new UserError('This button no longer works — run the command again.', 'STALE_BUTTON');
      }
    } catch (error) {
      await replyWithError(interaction, error, ctx.logger);
      return;
    }
    if (!interaction.deferred && !interaction.replied) {
      ctx.logger.warn({ interactionId: interaction.id }, 'a handler returned without answering its interaction');
      await replyWithError(interaction, new UserError(GENERIC_ERROR), ctx.logger);
    }
  };
}
