/** Which way a date points from the time of writing: a past fact, or a plan or expectation. */
export type Tense = 'occurred' | 'scheduled';

// Words before a date, in its own clause, that make it a plan or an expectation rather than a past fact.
// These are English modality and futurity markers, not words of any one case.
const SCHEDULED =
  /\b(could|may|might|would|expected|expects|expect|likely|possibly|probably|hopes? to|anticipated|will|shall|'ll|going to|scheduled|slated|set to|(?:is|are|was|were) due|due to|plans? to|planned|planning|upcoming|coming|to be held|is to|are to|starts|begins|opens|closes|ends|arrives|departs|leaves|travels|visits|meets|convenes|resumes|takes place|kicks off|heads)\b/i;
const CLAUSE_BREAK = /[,;:—–()“”"]|\s-\s/g;
const WORDS_BEFORE = 8;

// Verbs of saying: a closed class of English that marks a report of a statement rather than a deed.
const REPORTING = new Set(
  'say tell add announce state write claim report confirm insist recall explain stress note quote declare warn urge comment reply respond argue testify acknowledge admit describe'.split(
    ' ',
  ),
);

/** True when a verb's lemma is a verb of saying ("said", "told", "announced"). */
export function isReporting(lemma: string | undefined): boolean {
  return lemma !== undefined && REPORTING.has(lemma);
}

/**
 * Whether the date at `index` of `sentence` states something that happened or something planned or expected,
 * judged from the words that govern it: those before it in its clause ("which starts Wednesday",
 * "scheduled for May", "could open in 2024"), so "said Friday that he might" stays a past statement.
 */
export function detectTense(sentence: string, index: number): Tense {
  // The month "May" is not the modal "may".
  const before = clauseBefore(sentence, index).replace(/\bMay\b/g, '');
  // "may have been arrested in December" hedges a past event; it is not a forecast.
  if (/\b(could|may|might|would|must|should)\s+(?:not\s+)?have\b/i.test(before)) return 'occurred';
  return SCHEDULED.test(before) ? 'scheduled' : 'occurred';
}

function clauseBefore(sentence: string, index: number): string {
  const head = sentence.slice(0, index);
  let start = 0;
  for (const match of head.matchAll(CLAUSE_BREAK)) {
    // A comma right before the date ("..., on Friday") does not end the clause that governs it.
    if (
      match[0] !== ',' ||
      head
        .slice(match.index + 1)
        .trim()
        .split(/\s+/).length > 1
    )
      start = match.index + 1;
  }
  return head.slice(start).split(/\s+/).slice(-WORDS_BEFORE).join(' ');
}
