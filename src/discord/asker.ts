import type { Answer } from '../answer/types.ts';
import type { Dossier } from '../core/dossier.ts';
import { UserError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Cooldowns } from './cooldown.ts';
import { loggable } from './log-safe.ts';
import { Semaphore } from './semaphore.ts';

/** A question from Discord, with where it came from for the logs. */
export interface AskRequest {
  question: string;
  userId: string;
  via: 'slash' | 'mention' | 'channel' | 'thread';
  /** An earlier question of the same thread. */
  context?: string;
}

export type Asker = (request: AskRequest) => Promise<Answer>;

/** Starts the user's cooldown, or refuses (and logs) a question asked before it ended. */
export function checkCooldown(ctx: { cooldowns: Cooldowns; logger: Logger }, userId: string, via: AskRequest['via']): void {
  const wait = ctx.cooldowns.take(userId);
  if (wait === 0) return;
  ctx.logger.info({ via, userId, outcome: 'cooldown', wait }, 'question refused');
  throw new UserError(`You're asking quickly — please wait ${wait} s before your next question.`, 'COOLDOWN');
}

/** Asks the core within a bound on concurrent answers, logging each question's latency and outcome. */
export function createAsker(options: { dossier: Dossier; logger: Logger; maxConcurrent: number }): Asker {
  const limiter = new Semaphore(options.maxConcurrent);
  return async ({ question, userId, via, context }) => {
    const started = performance.now();
    const queued = limiter.waiting;
    try {
      const answer = await limiter.run(() => options.dossier.ask(question, context ? { context } : undefined));
      options.logger.info(
        {
          via,
          userId,
          ms: Math.round(performance.now() - started),
          queued,
          outcome: answer.abstained ? 'abstained' : 'answered',
          citations: answer.citations.length,
          mode: answer.mode,
        },
        'question answered',
      );
      options.logger.debug({ question, context }, 'question text');
      return answer;
    } catch (error) {
      const outcome = error instanceof UserError ? 'refused' : 'failed';
      options.logger[error instanceof UserError ? 'info' : 'error'](
        { via, userId, ms: Math.round(performance.now() - started), outcome, err: loggable(error) },
        `question ${outcome}`,
      );
      throw error;
    }
  };
}
