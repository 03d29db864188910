import { SlashCommandBuilder } from 'discord.js';
import { pageRow, parsePageId } from '../src/discord/buttons.ts';
import type { Command } from '../src/discord/command.ts';
import { LIMITS, truncate } from '../src/discord/limits.ts';
import { NO_MENTIONS } from '../src/discord/replies.ts';
import { describeQuery, timelineEmbed, timelinePages } from '../src/discord/timeline-pages.ts';
import { timelinePicture } from '../src/discord/timeline-picture.ts';
import { UserError } from '../src/errors.ts';
import { lookupTimeline, TIMELINE_OPTIONS, timelineQuery } from '../src/core/timeline-options.ts';
import { peopleOf } from '../src/timeline/query.ts';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
// Options typed as dates are checked here so the member gets the message before the reply is deferred.
const DATE_OPTIONS = new Set(['from', 'to']);
const AUTOCOMPLETE = new Set(['person', 'source']);
// Discord caps an option's value at 100 characters; names and words are far shorter.
const MAX_TEXT = 100;

function dateOption(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!DATE.test(value))
    throw new UserError(`\`${name}\` must be a year (2010) or a date (2010-05 or 2010-05-01); got “${truncate(value, 40)}”.`, 'BAD_DATE');
  return value;
}

const data = new SlashCommandBuilder().setName('timeline').setDescription('Dated events of the case, each with its sources.');
for (const option of TIMELINE_OPTIONS) {
  data.addStringOption((built) => {
    built
      .setName(option.name)
      .setDescription(option.description)
      .setMaxLength(DATE_OPTIONS.has(option.name) ? 10 : option.name === 'topic' ? 200 : MAX_TEXT);
    return AUTOCOMPLETE.has(option.name) ? built.setAutocomplete(true) : built;
  });
}
// Not a filter: the same events drawn as a picture too.
data.addStringOption((option) =>
  option
    .setName('picture')
    .setDescription('Also attach the timeline as a picture')
    .addChoices({ name: 'light', value: 'light' }, { name: 'dark', value: 'dark' }),
);

/** /timeline — the whole timeline, oldest first, paged for the asker; options narrow it and the footer says by how much. */
export const timeline: Command = {
  data,

  async execute(interaction, ctx) {
    const values = Object.fromEntries(
      TIMELINE_OPTIONS.map((option) => [option.name, interaction.options.getString(option.name)?.trim() || undefined]),
    );
    const query = timelineQuery(values);
    dateOption(query.from, 'from');
    dateOption(query.to, 'to');
    await interaction.deferReply();
    const { events, total, note } = await lookupTimeline(ctx.dossier, query);
    if (events.length === 0) {
      await interaction.editReply({
        content: `No dated events found (${describeQuery(query)}); the whole timeline has ${total}.`,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    const pages = timelinePages(events, ctx.dossier.sources()).map((page, index, all) =>
      timelineEmbed(page, { index, total: all.length, events: events.length, note: total > events.length ? note : undefined }, query),
    );
    if (pages.length > 1) ctx.pages.set(interaction.id, { userId: interaction.user.id, pages });
    const components = pages.length > 1 ? [pageRow('timeline', interaction.id, 0, pages.length)] : [];
    const theme = interaction.options.getString('picture');
    const picture =
      theme === 'light' || theme === 'dark'
        ? await timelinePicture(events, ctx.dossier.sources(), query, theme, interaction.attachmentSizeLimit)
        : undefined;
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
    await interaction.update({
      embeds: [reply.pages[index]!],
      components: [pageRow('timeline', target.key, index, reply.pages.length)],
      allowedMentions: NO_MENTIONS,
    });
  },

  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    const needle = focused.value.toLowerCase();
    if (focused.name === 'person') {
      const people = peopleOf(await ctx.dossier.timeline({}));
      const choices = people
        .filter((person) => person.length <= LIMITS.choiceName && person.toLowerCase().includes(needle))
        .slice(0, LIMITS.choices)
        .map((person) => ({ name: person, value: person }));
      await interaction.respond(choices);
      return;
    }
    const choices = ctx.dossier
      .sources()
      // A choice's value is limited to 100 characters: longer file names cannot be offered.
      .filter((article) => article.source.length <= LIMITS.choiceName)
      .filter((article) => [article.source, article.title, article.outlet].some((text) => text?.toLowerCase().includes(needle)))
      .slice(0, LIMITS.choices)
      .map((article) => ({
        name: truncate(article.title ? `${article.source} — ${article.title}` : article.source, LIMITS.choiceName),
        value: article.source,
      }));
    await interaction.respond(choices);
  },
};
