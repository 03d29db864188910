import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { Command, CommandContext } from '../src/discord/command.ts';
import { NO_MENTIONS } from '../src/discord/replies.ts';
import { readShardStatus, shardStatusText } from '../src/discord/shard-status.ts';

/** /help — what Dossier does and how to ask it. */
export const help: Command = {
  data: new SlashCommandBuilder().setName('help').setDescription('What Dossier does and how to ask it.'),

  async execute(interaction, ctx) {
    const botId = interaction.client.user.id;
    const askChannels = ctx.config.discord.askChannelIds.map((id) => `<#${id}>`).join(', ');
    const lines = [
      'Dossier answers questions about the case from a fixed set of news articles, and cites them: every answer lists its sources as `[n] file — title (date)` with a short verbatim quote. When the articles do not cover a question, it says so instead of guessing.',
      '',
      '**Ask**',
      '• `/ask question:` — for example `/ask question: When did the trial begin?`',
      `• Mention me: <@${botId}> what do the articles say about the arrest?`,
      ...(askChannels ? [`• In ${askChannels}, every message is a question.`] : []),
      '• In a thread on one of my answers, mention me (or reply to me) to follow up: the earlier question is taken into account.',
      '',
      '**Explore**',
      '• `/timeline` — dated events of the case, filtered by `from`, `to`, `topic` or `source`.',
      '• `/sources` — the articles I answer from.',
      '',
      '**Feedback** — the 👍 / 👎 buttons under an answer are read by the moderators.',
      '**Moderators** — `/corpus add` adds an article from a file or a URL (after a preview), `/corpus remove` takes one out; `/reindex` rebuilds the index after articles are changed on the host; questions are still answered meanwhile.',
      '• `/corpus list` and `/corpus show` — the articles with outlet, date and chunks.',
      ...calibrationNote(ctx.dossier.info().calibration),
      '',
      await statusLine(ctx),
    ];
    await interaction.reply({ content: lines.join('\n'), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  },
};

/** Which shard answers this server, from which index, and every shard's state as DATA_DIR/shards.json records it. */
async function statusLine(ctx: CommandContext): Promise<string> {
  const shard = ctx.config.discord.shard;
  const here = `**Status** — ${shard ? `shard ${shard.id} of ${shard.count}` : 'a single process'}, answering from index \`${ctx.dossier.info().version}\``;
  const status = await readShardStatus(ctx.config.dataDir);
  return status && shard ? `${here}\n${shardStatusText(status)}` : here;
}

/** Says when no answer calibration was fitted for the encoder in use, since answers then decline more often. */
function calibrationNote(calibration: { encoder: string; fallback: boolean } | undefined): string[] {
  if (!calibration?.fallback) return [];
  return [
    '',
    '**Note** — no answer calibration was fitted for this embedding model, so a conservative one is used and more questions are declined; the operator can run `npm run calibrate`.',
  ];
}
