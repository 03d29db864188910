import {
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { pageRow, parsePageId } from '../src/discord/buttons.ts';
import type { Command, CommandContext } from '../src/discord/command.ts';
import { articleInput, pendingArticles } from '../src/discord/corpus-input.ts';
import { articleEmbed, articlePages, changeText, confirmRow, previewEmbed } from '../src/discord/corpus-replies.ts';
import { LIMITS, truncate } from '../src/discord/limits.ts';
import { isModerator } from '../src/discord/permissions.ts';
import { NO_MENTIONS } from '../src/discord/replies.ts';
import type { Actor } from '../src/core/dossier.ts';
import { UserError } from '../src/errors.ts';
import { previewOf } from '../src/ingest/prepare.ts';

const requireModerator = (interaction: ChatInputCommandInteraction | ButtonInteraction, ctx: CommandContext, what: string) => {
  // Server admins can grant the command to anyone, so the handler checks, as /reindex does.
  if (!isModerator(interaction.member, interaction.memberPermissions, ctx.config.discord.moderatorRoleIds)) {
    throw new UserError(`Only moderators can ${what}: it needs the Manage Server permission or a moderator role.`, 'FORBIDDEN');
  }
};
const actorOf = (interaction: ChatInputCommandInteraction | ButtonInteraction): Actor => ({
  via: 'discord',
  id: interaction.user.id,
  name: interaction.user.username,
});

/** /corpus — moderators add (file or URL, after a preview), remove, list and inspect articles. */
export const corpus: Command = {
  data: new SlashCommandBuilder()
    .setName('corpus')
    .setDescription('Manage the articles Dossier answers from (moderators).')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((sub) =>
      sub
        .setName('add')
        .setDescription('Add an article from a file or a web page; you see a preview first.')
        .addAttachmentOption((option) => option.setName('file').setDescription('A .txt, .md, .html or .pdf file'))
        .addStringOption((option) => option.setName('url').setDescription('The address of a news article').setMaxLength(2000)),
    )
    .addSubcommand((sub) =>
      sub
        .setName('remove')
        .setDescription('Remove an article.')
        .addStringOption((option) => option.setName('article').setDescription('The article').setRequired(true).setAutocomplete(true)),
    )
    .addSubcommand((sub) => sub.setName('list').setDescription('The articles, with outlet, date and chunks.'))
    .addSubcommand((sub) =>
      sub
        .setName('show')
        .setDescription("One article's metadata.")
        .addStringOption((option) => option.setName('article').setDescription('The article').setRequired(true).setAutocomplete(true)),
    ),

  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand();
    if (sub === 'add') {
      requireModerator(interaction, ctx, 'add articles');
      // Downloading and reading a page can take longer than the 3 s Discord allows before a first reply.
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const input = await articleInput(interaction.options.getAttachment('file'), interaction.options.getString('url'), ctx.config);
      const prepared = await ctx.dossier.prepareArticle(input);
      pendingArticles.set(interaction.id, { userId: interaction.user.id, prepared });
      await interaction.editReply({
        embeds: [previewEmbed(previewOf(prepared), prepared.origin)],
        components: [confirmRow(interaction.id)],
        allowedMentions: NO_MENTIONS,
      });
    } else if (sub === 'remove') {
      requireModerator(interaction, ctx, 'remove articles');
      await interaction.deferReply();
      const summary = await ctx.dossier.removeArticle(interaction.options.getString('article', true), actorOf(interaction));
      ctx.logger.info({ userId: interaction.user.id, source: summary.source }, 'article removed');
      await interaction.editReply({ content: changeText(summary), allowedMentions: NO_MENTIONS });
    } else if (sub === 'list') {
      const pages = articlePages(ctx.dossier.sources());
      if (pages.length > 1) ctx.pages.set(interaction.id, { userId: interaction.user.id, pages });
      await interaction.reply({
        embeds: [pages[0]!],
        components: pages.length > 1 ? [pageRow('corpus', interaction.id, 0, pages.length)] : [],
        allowedMentions: NO_MENTIONS,
      });
    } else {
      const source = interaction.options.getString('article', true);
      const article = ctx.dossier.sources().find((candidate) => candidate.source === source);
      if (!article) throw new UserError(`No article named ${truncate(source, 100)}; /corpus list shows them.`, 'UNKNOWN_ARTICLE');
      await interaction.reply({ embeds: [articleEmbed(article)], allowedMentions: NO_MENTIONS });
    }
  },

  async button(interaction, ctx) {
    const decision = /^corpus:(confirm|cancel):(\w+)$/.exec(interaction.customId);
    if (decision) {
      const pending = pendingArticles.get(decision[2]!);
      if (!pending) throw new UserError('This preview has expired — run /corpus add again.', 'STALE_BUTTON');
      if (pending.userId !== interaction.user.id)
        throw new UserError('Only the moderator who asked for this preview can confirm it.', 'NOT_YOURS');
      requireModerator(interaction, ctx, 'add articles');
      pendingArticles.delete(decision[2]!);
      if (decision[1] === 'cancel') {
        await interaction.update({ content: 'Cancelled: nothing was added.', embeds: [], components: [], allowedMentions: NO_MENTIONS });
        return;
      }
      await interaction.update({ content: `Adding \`${pending.prepared.source}\`…`, components: [], allowedMentions: NO_MENTIONS });
      const summary = await ctx.dossier.addArticle(pending.prepared, actorOf(interaction));
      ctx.logger.info({ userId: interaction.user.id, source: summary.source, ms: summary.ms }, 'article added');
      await interaction.editReply({ content: changeText(summary), embeds: [], components: [], allowedMentions: NO_MENTIONS });
      return;
    }
    const target = parsePageId('corpus', interaction.customId);
    const reply = target && ctx.pages.get(target.key);
    if (!target || !reply) throw new UserError('This list has expired — run /corpus list again.', 'STALE_BUTTON');
    const index = Math.min(Math.max(target.index, 0), reply.pages.length - 1);
    await interaction.update({
      embeds: [reply.pages[index]!],
      components: [pageRow('corpus', target.key, index, reply.pages.length)],
      allowedMentions: NO_MENTIONS,
    });
  },

  async autocomplete(interaction, ctx) {
    const needle = interaction.options.getFocused().toLowerCase();
    const choices = ctx.dossier
      .sources()
      // A choice's value is limited to 100 characters: longer file names cannot be offered.
      .filter((article) => article.source.length <= LIMITS.choiceName)
      .filter((article) => [article.title, article.source, article.outlet].some((text) => text?.toLowerCase().includes(needle)))
      .slice(0, LIMITS.choices)
      .map((article) => ({ name: truncate(article.title ?? article.source, LIMITS.choiceName), value: article.source }));
    await interaction.respond(choices);
  },
};
