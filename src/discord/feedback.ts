import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import type { Logger } from '../logger.ts';
import { unplain } from './markdown.ts';
import { parseFeedbackId, type Vote } from './buttons.ts';
import type { AnswerMemory } from './memory.ts';
import { NO_MENTIONS, replyWithError } from './replies.ts';

/** One vote, as a line of feedback.jsonl. */
export interface FeedbackRecord {
  at: string;
  vote: Vote;
  userId: string;
  guildId: string | null;
  channelId: string | null;
  messageId: string;
  question: string;
  answer: string;
  sources: { n: number; source: string; quote: string }[];
}

/**
 * Appends votes to a JSONL file that several processes (shards) share. Each record is one write(2) on a file
 * opened with O_APPEND: the kernel moves to the end and writes in one step, so records from different processes
 * never interleave or overwrite each other (on a local filesystem; NFS does not honour O_APPEND atomically).
 * Within a process, writes go one at a time.
 */
export class FeedbackStore {
  #queue: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  record(record: FeedbackRecord): Promise<void> {
    const write = this.#queue.then(async () => {
      await mkdir(dirname(this.file), { recursive: true });
      await appendLine(this.file, `${JSON.stringify(record)}\n`);
    });
    this.#queue = write.catch(() => undefined);
    return write;
  }
}

/** One line appended with a single write; a short write (disk full) is reported, not ignored. */
async function appendLine(file: string, line: string): Promise<void> {
  const bytes = Buffer.from(line, 'utf8');
  const handle = await open(file, 'a');
  try {
    const { bytesWritten } = await handle.write(bytes, 0, bytes.length);
    if (bytesWritten !== bytes.length)
      throw new Error(`Only ${bytesWritten} of ${bytes.length} bytes of a feedback record reached ${file} (is the disk full?).`);
  } finally {
    await handle.close();
  }
}

/** What a clicked answer message says, for votes on answers given before a restart. */
function fromMessage(interaction: ButtonInteraction): Pick<FeedbackRecord, 'question' | 'answer' | 'sources'> {
  const embed = interaction.message.embeds[0];
  const sources = (embed?.fields ?? []).flatMap((field) =>
    [...field.value.matchAll(/\[(\d+)\] `([^`]+)`[^\n]*\n> (.*)/g)].map((m) => ({ n: Number(m[1]), source: m[2]!, quote: unplain(m[3]!) })),
  );
  return { question: unplain(embed?.title ?? ''), answer: unplain(embed?.description ?? ''), sources };
}

/** Records a 👍/👎 click and thanks the voter privately. */
export async function handleFeedback(
  interaction: ButtonInteraction,
  store: FeedbackStore,
  answers: AnswerMemory,
  logger: Logger,
): Promise<void> {
  const parsed = parseFeedbackId(interaction.customId);
  if (!parsed) return;
  try {
    const known = answers.get(parsed.answerId);
    const content = known
      ? {
          question: known.question,
          answer: known.answer.answer,
          sources: known.answer.citations.map(({ n, source, quote }) => ({ n, source, quote })),
        }
      : fromMessage(interaction);
    await store.record({
      at: new Date().toISOString(),
      vote: parsed.vote,
      userId: interaction.user.id,
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      messageId: interaction.message.id,
      ...content,
    });
    logger.info({ vote: parsed.vote, answerId: parsed.answerId, userId: interaction.user.id }, 'feedback recorded');
    const emoji = parsed.vote === 'up' ? '👍' : '👎';
    await interaction.reply({
      content: `Thanks — your ${emoji} was recorded for the moderators.`,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  } catch (error) {
    await replyWithError(interaction, error, logger);
  }
}
