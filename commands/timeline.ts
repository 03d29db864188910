import { SlashCommandBuilder } from 'discord.js';
import { pageRow, parsePageId } from '../src/discord/buttons.ts';
import type { Command } from '../src/discord/command.ts';
import { LIMITS, truncate } from '../src/discord/limits.ts';
import { NO_MENTIONS } from '../src/discord/replies.ts';
import { describeQuery, timelineEmbed, timelinePages } from '../src/discord/timeline-pages.ts';
import { timelinePicture } from '../src/discord/timeline-picture.ts';
import { UserError } from '../src/errors.ts';
import type { TimelineQuery } from '../src/timeline/types.ts';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function dateOption(value: string | null, name: string): string | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (!DATE.test(trimmed)) throw new UserError(`\`${name}\` must be a year (2010) or a date (2010-05 or 2010-05-01); got “${truncate(trimmed, 40)}”.`, 'BAD_DATE');
  return trimmed;
}

/** /timeline — dated events of the case, oldest first, paginated for the asker. */
export const timeline: Command = {
  data: new SlashCommandBuilder()
    .setName('timeline')
    .setDescription('Dated events of the case, each with its sources.')
    .addStringOption((option) => option.setName('from').setDescription('From this year or date, e.g. 2010 or 2010-05-01').setMaxLength(10))
    .addStringOption((option) => option.setName('to').setDescription('Up to this year or date, e.g. 2012').setMaxLength(10))
    .addStringOption((option) => option.setName('topic').setDescription('Only events about this, e.g. extradition').setMaxLength(200))
    .addStringOption((option) => option.setName('source').setDescription('Only events from this article').setAutocomplete(true))
    .addStringOption((option) =>
      option.setName('picture').setDescription('Also attach the timeline as a picture').addChoices({ name: 'light', value: 'light' }, { name: 'dark', value: 'dark' }),
    ),

  async execute(interaction, ctx) {
    const query: TimelineQuery = {
      from: dateOption(interaction.options.getString('from'), 'from'),
      to: dateOption(interaction.options.getString('to'), 'to'),
      topic: interaction.options.getString('topic')?.trim() || undefined,
      source: interaction.options.getString('source')?.trim() || undefined,
    };
    await interaction.deferReply();
    const events = await ctx.dossier.timeline(query);
    if (events.length === 0) {
      await interaction.editReply({ content: `No dated events found (${describeQuery(query)}).`, allowedMentions: NO_MENTIONS });
      return;
    }
    const pages = timelinePages(events, ctx.dossier.sources()).map((page, index, all) =>
      timelineEmbed(page, { index, total: all.length, events: events.length }, query),
    );
    if (pages.length > 1) ctx.pages.set(interaction.id, { userId: interaction.user.id, pages });
    const components = pages.length > 1 ? [pageRow('timeline', interaction.id, 0, pages.length)] : [];
    const theme = interaction.options.getString('picture');
    const picture = theme === 'light' || theme === 'dark' ? await timelinePicture(events, ctx.dossier.sources(), { ...query }, theme, interaction.attachmentSizeLimit) : undefined;
    await interaction.editReply({
      embeds: [pages[0]!],
      components,
      allowedMentions: NO_MENTIONS,
      ...(picture && 'file' in picture ? { files: [picture.file] } : {}),
      ...(picture && 'note' in picture ? { content: picture.note } : {}),
    });
  },

  async button(interaction, ctx) {
    const target = parsePageId('timeline', interaction.customId);
    const reply = target && ctx.pages.get(target.key);
    if (!target || !reply) throw new UserError('This timeline has expired — run /timeline again.', 'STALE_BUTTON');
    if (reply.userId !== interaction.user.id) {
      throw new UserError('Only the person who ran this /timeline can turn its pages — run /timeline yourself to browse.', 'NOT_YOURS');
    }
    const index = Math.min(Math.max(target.index, 0), reply.pages.length - 1);
    await interaction.update({ embeds: [reply.pages[index]!], components: [pageRow('timeline', target.key, index, reply.pages.length)], allowedMentions: NO_MENTIONS });
  },

  async autocomplete(interaction, ctx) {
    const needle = interaction.options.getFocused().toLowerCase();
    const choices = ctx.dossier
      .sources()
      // A choice's value is limited to 100 characters: longer file names cannot be offered.
      .filter((article) => article.source.length <= LIMITS.choiceName)
      .filter((article) => [article.source, article.title, article.outlet].some((text) => text?.toLowerCase().includes(needle)))
      .slice(0, LIMITS.choices)
      .map((article) => ({ name: truncate(article.title ? `${article.source} — ${article.title}` : article.source, LIMITS.choiceName), value: article.source }));
    await interaction.respond(choices);
  },
};
