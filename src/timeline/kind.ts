import type { TimelineEvent } from './types.ts';

export type EventKind = TimelineEvent['kind'];

// Words before a date, in its own clause, that make it a plan or an expectation rather than a past fact.
const EXPECTED = /\b(could|may|might|would|expected|expects|expect|likely|possibly|probably|hopes? to|anticipated)\b/i;
const PLANNED =
  /\b(will|shall|'ll|going to|scheduled|slated|set to|(?:is|are|was|were) due|plans? to|planned|planning|upcoming|coming|to be held|is to|are to|starts|begins|opens|closes|ends|arrives|departs|leaves|travels|visits|meets|convenes|resumes|takes place|kicks off|heads)\b/i;
const CLAUSE_BREAK = /[,;:—–()“”"]|\s-\s/g;
const WORDS_BEFORE = 8;

/**
 * Whether the date at [index, end) of `sentence` states something that happened, is planned or is expected,
 * judged from the words that govern it: those before it in its clause ("which starts Wednesday",
 * "scheduled for May", "could open in 2024"), so "said Friday that he might" stays a past statement.
 */
export function detectKind(sentence: string, index: number): EventKind {
  // The month "May" is not the modal "may".
  const before = clauseBefore(sentence, index).replace(/\bMay\b/g, '');
  // "may have been arrested in December" hedges a past event; it is not a forecast.
  if (/\b(could|may|might|would|must|should)\s+(?:not\s+)?have\b/i.test(before)) return 'occurred';
  if (EXPECTED.test(before)) return 'expected';
  if (PLANNED.test(before)) return 'planned';
  return 'occurred';
}

function clauseBefore(sentence: string, index: number): string {
  const head = sentence.slice(0, index);
  let start = 0;
  for (const match of head.matchAll(CLAUSE_BREAK)) {
    // A comma right before the date ("..., on Friday") does not end the clause that governs it.
    if (match[0] !== ',' || head.slice(match.index + 1).trim().split(/\s+/).length > 1) start = match.index + 1;
  }
  return head.slice(start).split(/\s+/).slice(-WORDS_BEFORE).join(' ');
}
