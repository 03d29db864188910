import { SlashCommandBuilder } from 'discord.js';
import { answerMessage } from '../src/discord/answer-embed.ts';
import { validateQuestion } from '../src/answer/validate.ts';
import { checkCooldown } from '../src/discord/asker.ts';
import type { Command } from '../src/discord/command.ts';
import { threadContext } from '../src/discord/thread-context.ts';

/** /ask question: — an answer from the articles, with numbered sources and quotes. */
export const ask: Command = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question about the case; the answer cites the articles it comes from.')
    .addStringOption((option) =>
      option.setName('question').setDescription('For example: When did the trial begin?').setRequired(true).setMaxLength(6000),
    ),

  async execute(interaction, ctx) {
    const question = validateQuestion(interaction.options.getString('question', true), ctx.config.maxQuestionChars);
    checkCooldown(ctx, interaction.user.id, 'slash');
    await interaction.deferReply();
    const context = await threadContext(interaction.channel, ctx.answers, interaction.client.user.id);
    const answer = await ctx.ask({ question, userId: interaction.user.id, via: 'slash', context });
    const message = await interaction.editReply(answerMessage(answer, interaction.id));
    ctx.answers.remember([interaction.id, message.id], { question, answer });
    if (interaction.channel?.isThread()) ctx.answers.rememberThreadQuestion(interaction.channel.id, question);
  },
};
