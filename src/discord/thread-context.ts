import type { Channel } from 'discord.js';
import { unplain } from './markdown.ts';
import type { AnswerMemory } from './memory.ts';

/**
 * The earlier question of a thread on one of the bot's answers: the last question answered in it, else the
 * question of the answer the thread was started on (a thread started on a message has that message's id).
 */
export async function threadContext(channel: Channel | null, answers: AnswerMemory, botId: string): Promise<string | undefined> {
  if (!channel?.isThread()) return undefined;
  const remembered = answers.threadQuestion(channel.id) ?? answers.get(channel.id)?.question;
  if (remembered) return remembered;
  try {
    const starter = await channel.fetchStarterMessage();
    const title = starter?.author.id === botId ? starter.embeds[0]?.title : undefined;
    return title ? unplain(title) : undefined;
  } catch {
    // Threads not started on a message, or on a deleted one, have no earlier question.
    return undefined;
  }
}

/** Whether `channel` is a thread started on an answer the bot remembers. */
export function isAnswerThread(channel: Channel, answers: AnswerMemory): boolean {
  return channel.isThread() && (answers.threadQuestion(channel.id) !== undefined || answers.get(channel.id) !== undefined);
}
