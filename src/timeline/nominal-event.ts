import { analyse, type Term } from './nlp.ts';
import { finish, type EventText } from './summary-line.ts';

// Nouns made from verbs name happenings ("his arrest", "Bout’s sentencing", "the extradition").
const EVENT_NOUN = /^\p{Ll}+(?:tion|sion|ment|ing|al|ance|ence|ure)$/u;
// A happening named by a noun phrase the date follows: "after his arrest in April 2000", "since Bout’s sentencing Thursday".
const NOMINAL_BEFORE =
  /\b(?:since|after|before|following|until|upon|with)\s+((?:(?:\p{Lu}[\p{L}'’.-]*\s+)*\p{Lu}[\p{L}.-]*['’]s|his|her|its|their)\s+(?:[\p{Ll}-]+\s+){0,2}?([\p{Ll}-]+))\s+(?:(?:in|on|of|at)\s+)?$/u;

/**
 * The event of a date that follows a noun naming a happening in a phrase of time ("spent months in detention
 * after his arrest in April 2000" → "Pope’s arrest"): that noun phrase, not the main clause, is what the date dates.
 */
export function nominalEvent(
  sentence: string,
  terms: Term[],
  mention: { index: number; end: number },
  antecedent?: (offset: number) => string | undefined,
): EventText | undefined {
  const match = NOMINAL_BEFORE.exec(sentence.slice(0, mention.index));
  if (!match) return undefined;
  const head = terms.find((term) => term.text.toLowerCase() === match[2] && term.end <= mention.index && term.start >= match.index);
  // After a possessive the last word is the phrase's noun, whatever tag the tagger gave it ("Bout’s sentencing" reads as an adjective).
  if (!head || (head.tags.has('Verb') && !head.tags.has('Gerund')) || !(EVENT_NOUN.test(match[2]!) || isVerbLemma(match[2]!)))
    return undefined;
  const start = match.index + match[0].indexOf(match[1]!);
  // What the date's own phrase adds after it ("in New York"), up to the clause's end.
  const after = /^[^,;:.()—–]*/.exec(sentence.slice(mention.end))![0];
  const place = /^\s*((?:in|at)\s+(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)/u.exec(after)?.[1] ?? '';
  // "his" and "her" are the person named before; "its" and "their" may be anything, and stay.
  const owner = /^(his|her)\s/i.test(match[1]!) ? antecedent?.(start) : undefined;
  const phrase = owner ? match[1]!.replace(/^(his|her)\b/i, `${owner}’s`) : match[1]!;
  const end = mention.end + after.length;
  return { clause: sentence.slice(start, end), start, end, summary: finish(`${phrase}${place ? ` ${place}` : ''}`), said: false };
}

/** True when the word is a verb's base form in the NLP library's lexicon ("arrest", "release", "appeal"). */
function isVerbLemma(word: string): boolean {
  return analyse(`they ${word} it`).terms[1]?.tags.has('Infinitive') === true && analyse(word).terms[0]?.tags.has('Infinitive') === true;
}
