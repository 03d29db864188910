import type { Message } from 'discord.js';
import { validateQuestion, withoutMentions } from '../answer/validate.ts';
import { UserError } from '../errors.ts';
import { answerMessage } from './answer-embed.ts';
import { checkCooldown, type AskRequest } from './asker.ts';
import type { CommandContext } from './command.ts';
import { loggable } from './log-safe.ts';
import { NO_MENTIONS, userMessageFor } from './replies.ts';
import { isAnswerThread, threadContext } from './thread-context.ts';

/** Why a message is a question for the bot, or undefined when it is not one. */
export function questionMode(
  message: Message<true>,
  askChannelIds: readonly string[],
  isFollowUpThread: boolean,
): AskRequest['via'] | undefined {
  const botId = message.client.user.id;
  // Users often pick the bot's managed role from the @ menu instead of the bot itself.
  const mentioned = message.mentions.users.has(botId) || message.mentions.roles.some((role) => role.tags?.botId === botId);
  if (mentioned) return 'mention';
  if (isFollowUpThread) return 'thread';
  const channel = message.channel;
  if (askChannelIds.includes(channel.id) || (channel.isThread() && channel.parentId && askChannelIds.includes(channel.parentId)))
    return 'channel';
  return undefined;
}

/** Answers a mention, a message in an ask channel, or a follow-up in a thread on an answer, as a reply. */
export async function handleMessage(message: Message, ctx: CommandContext): Promise<void> {
  if (message.author.bot || message.system || !message.inGuild()) return;
  const via = questionMode(message, ctx.config.discord.askChannelIds, isAnswerThread(message.channel, ctx.answers));
  if (!via) return;
  const botId = message.client.user.id;
  const reply = (content: string) => message.reply({ content, allowedMentions: NO_MENTIONS });
  try {
    const text = withoutMentions(message.content);
    // In ask channels and threads, messages without text (images, stickers) are not questions.
    if (!text && via !== 'mention') return;
    const question = validateQuestion(text, ctx.config.maxQuestionChars);
    checkCooldown(ctx, message.author.id, via);
    void message.channel.sendTyping().catch(() => undefined);
    const replied = message.reference?.messageId ? ctx.answers.get(message.reference.messageId)?.question : undefined;
    const context = replied ?? (await threadContext(message.channel, ctx.answers, botId));
    const answer = await ctx.ask({ question, userId: message.author.id, via, context });
    const sent = await message.reply(answerMessage(answer, message.id));
    ctx.answers.remember([message.id, sent.id], { question, answer });
    if (message.channel.isThread()) ctx.answers.rememberThreadQuestion(message.channel.id, question);
  } catch (error) {
    if (!(error instanceof UserError)) ctx.logger.warn({ err: loggable(error), messageId: message.id }, 'could not answer a message');
    await reply(userMessageFor(error)).catch((replyError: unknown) =>
      ctx.logger.warn({ err: loggable(replyError), messageId: message.id }, 'could not reply to a message'),
    );
  }
}
