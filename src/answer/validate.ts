import { UserError } from '../errors.ts';

// Zero-width, soft-hyphen and bidirectional control characters: invisible, and able to reorder how text displays.
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
// NUL, escape sequences and other control characters: a terminal would act on them, a log would carry them.
// eslint-disable-next-line no-control-regex -- matching the escape character is the point: terminal colour codes.
const ANSI_ESCAPE = /\u001B\[[0-?]*[ -/]*[@-~]/g;
const CONTROL = /\p{Cc}/gu;
// Half of a surrogate pair: not text, and rejected by JSON consumers that demand well-formed Unicode.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Discord mentions (users, roles, channels, @everyone, @here) mean nothing to the articles; removed so they neither
// skew the search nor get echoed. @everyone and @here go even inside a word: an echo must never carry one.
const MENTION = /<(?:@[!&]?|#)\d+>|@(?:everyone|here)/g;
// "Zalgo" text: more than three stacked combining marks only serves to overflow the lines around it.
const STACKED_MARKS = /(\p{M}{3})\p{M}+/gu;
// Input far over the limit is refused before any normalising work; Discord caps options, the CLI does not.
const RAW_LENGTH_FACTOR = 4;

/**
 * Normalises a question (Unicode NFKC; invisible, control and mention characters removed; whitespace collapsed)
 * and rejects what cannot be answered, with a message the asker can act on.
 * @throws UserError for an empty, over-long or wordless question.
 */
export function validateQuestion(raw: string, maxChars: number): string {
  if (raw.length > maxChars * RAW_LENGTH_FACTOR) throw tooLong(raw.length, maxChars);
  const printable = raw
    .replace(LONE_SURROGATE, '')
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(ANSI_ESCAPE, ' ')
    .replace(CONTROL, ' ')
    .replace(STACKED_MARKS, '$1');
  const question = withoutMentions(printable);
  if (question.length === 0)
    throw new UserError('Your question is empty. Ask something about the case, e.g. "When did the trial begin?"', 'EMPTY_QUESTION');
  if (question.length > maxChars) throw tooLong(question.length, maxChars);
  if (!/\p{L}{2,}|\p{N}/u.test(question))
    throw new UserError('Your question has no words in it. Ask something about the case in words.', 'NO_WORDS');
  return question;
}

/** The text without Discord mention markup, whitespace collapsed: a message that only mentions the bot is empty. */
export function withoutMentions(text: string): string {
  return text.replace(MENTION, ' ').replace(/\s+/g, ' ').trim();
}

function tooLong(length: number, maxChars: number): UserError {
  return new UserError(
    `Your question is ${length} characters long; the limit is ${maxChars}. Ask one short question at a time.`,
    'QUESTION_TOO_LONG',
  );
}
