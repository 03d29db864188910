import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { isModerator } from '../src/discord/permissions.ts';
import { reindexProgressText, reindexSummaryText } from '../src/discord/progress.ts';
import { createProgressReply } from '../src/discord/progress-reply.ts';
import { NO_MENTIONS } from '../src/discord/replies.ts';
import type { ReindexHolder, ReindexProgress } from '../src/core/dossier.ts';
import { DossierError, IndexError, UserError } from '../src/errors.ts';

const alreadyRunning = (progress: ReindexProgress | undefined) =>
  `A reindex is already running; questions are still answered from the current index meanwhile.${progress ? `\n${reindexProgressText(progress)}` : ''}`;

const runningElsewhere = (holder: ReindexHolder) =>
  `A reindex is already running in another process (${holder.by ? `requested by ${holder.by}, ` : ''}started ${holder.since}, pid ${holder.pid} on ${holder.host}); questions are still answered from the current index, and every shard switches to the new one when it is done.`;

/** /reindex — moderators rebuild the index from the corpus, watching its progress. */
export const reindex: Command = {
  data: new SlashCommandBuilder()
    .setName('reindex')
    .setDescription('Rebuild the index from the corpus folder (moderators).')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addBooleanOption((option) =>
      option.setName('full').setDescription('Rebuild even when the index already matches the corpus (a rebuild re-embeds every article).'),
    ),

  async execute(interaction, ctx) {
    // Server admins can grant the command to anyone, so the handler checks again.
    if (!isModerator(interaction.member, interaction.memberPermissions, ctx.config.discord.moderatorRoleIds)) {
      throw new UserError('Only moderators can run /reindex: it needs the Manage Server permission or a moderator role.', 'FORBIDDEN');
    }
    const running = ctx.dossier.reindexProgress();
    if (running) {
      await interaction.reply({ content: alreadyRunning(running), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      return;
    }
    // Another shard (or the CLI) sharing DATA_DIR may be building: its lock record says who and since when.
    const holder = await ctx.dossier.reindexHolder();
    if (holder) {
      await interaction.reply({ content: runningElsewhere(holder), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      return;
    }
    await interaction.deferReply();
    const reply = createProgressReply(interaction, { intervalMs: ctx.progressIntervalMs, logger: ctx.logger });
    const started = Date.now();
    ctx.logger.info({ userId: interaction.user.id }, 'reindex requested');
    let result: string;
    try {
      const summary = await ctx.dossier.reindex({
        force: interaction.options.getBoolean('full') ?? false,
        requestedBy: `@${interaction.user.username} (${interaction.user.id})${ctx.config.discord.shard ? ` on shard ${ctx.config.discord.shard.id}` : ''}`,
        onProgress: (progress) => reply.update(reindexProgressText(progress)),
      });
      ctx.logger.info(
        {
          ms: Date.now() - started,
          added: summary.added.length,
          changed: summary.changed.length,
          removed: summary.removed.length,
          chunks: summary.chunks,
        },
        'reindex finished',
      );
      result = reindexSummaryText(summary);
    } catch (error) {
      const holder = error instanceof IndexError && error.reason === 'locked' ? await ctx.dossier.reindexHolder() : undefined;
      if (error instanceof IndexError && error.reason === 'busy') {
        result = alreadyRunning(ctx.dossier.reindexProgress());
      } else if (holder) {
        result = runningElsewhere(holder);
      } else {
        ctx.logger.error({ err: error }, 'reindex failed');
        // Moderators see what failed when Dossier raised it on purpose (its messages say what to do).
        const reason = error instanceof DossierError ? error.message : 'an unexpected error (details are in the bot log)';
        result = `**Reindex failed:** ${reason}\nThe previous index is still answering questions.`;
      }
    }
    await reply.finish(result);
  },
};
