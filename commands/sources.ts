import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { NO_MENTIONS } from '../src/discord/replies.ts';
import { sourcesEmbed } from '../src/discord/sources-embed.ts';
import type { IndexInfo } from '../src/core/dossier.ts';

/** /sources — the articles in the corpus with title, outlet and date. */
export const sources: Command = {
  data: new SlashCommandBuilder().setName('sources').setDescription('List the articles Dossier answers from.'),

  async execute(interaction, ctx) {
    let info: IndexInfo | undefined;
    try {
      info = ctx.dossier.info();
    } catch {
      // No index yet: the list alone is still useful.
    }
    await interaction.reply({ embeds: [sourcesEmbed(ctx.dossier.sources(), info)], allowedMentions: NO_MENTIONS });
  },
};
