import { UserError } from '../errors.ts';

// Zero-width and bidirectional control characters: invisible, and able to reorder how text displays.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/**
 * Normalises a question and rejects what cannot be answered, with a message the asker can act on.
 * @throws UserError for an empty, over-long or wordless question.
 */
export function validateQuestion(raw: string, maxChars: number): string {
  const question = raw.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  if (question.length === 0) throw new UserError('Your question is empty. Ask something about the case, e.g. "Where was Viktor Bout arrested?"', 'EMPTY_QUESTION');
  if (question.length > maxChars) {
    throw new UserError(`Your question is ${question.length} characters long; the limit is ${maxChars}. Ask one short question at a time.`, 'QUESTION_TOO_LONG');
  }
  if (!/\p{L}{2,}|\p{N}/u.test(question)) throw new UserError('Your question has no words in it. Ask something about the case in words.', 'NO_WORDS');
  return question;
}
