import { nlp } from '../text/compromise.ts';
import { MONTH_NAMES, MONTH_SHORT_FORMS } from '../text/calendar-words.ts';
import { tokenize } from '../text/terms.ts';
import { parseText } from './nlp.ts';

/** What kinds of fact a sentence states: the answer types it can satisfy. */
export interface SentenceFacts {
  /** 0 no date, 1 a vague one ("later"), 2 a weekday or month, 3 a year, 4 month and year, 5 a day of a month. */
  dateSpecificity: number;
  duration: boolean;
  money: boolean;
  /** A cardinal number or a number word (not a year). */
  count: boolean;
  percent: boolean;
  /** Stemmed tokens of the people compromise finds. */
  people: Set<string>;
  /** Stemmed tokens of the places and organisations compromise finds. */
  places: Set<string>;
  /** Stemmed tokens of every proper noun. */
  properNouns: Set<string>;
  /** The sentence opens with a pronoun ("He was…"): its subject is named in the sentence before. */
  opensWithPronoun: boolean;
  /** Its words in order: stem, part of speech, and whether it is part of a name. */
  words: FactWord[];
}

export interface FactWord {
  stem: string;
  pos: string;
  proper: boolean;
}

// A four-digit year of the modern era, which wink tags as a cardinal when it stands alone ("in 2008").
const YEAR = /^(1[5-9]\d\d|20\d\d)$/;
// A month's name or abbreviation, for telling "April 7" (a day) from "7 years" or "Tuesday 7".
const MONTH_NAME = new RegExp(`\\b(${[...MONTH_NAMES, ...MONTH_SHORT_FORMS].join('|')})\\b`, 'i');
// A day written in figures: 2018-08-24, 23.05.2025, 5/4/2012.
const NUMERIC_DAY = /\b(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4})\b/;
// Relative time words give a vague date: "later", "ago", "earlier" anchor a happening without naming it.
const VAGUE_TIME = /\b(ago|earlier|later|yesterday|today|tomorrow|previously|recently)\b/i;

/**
 * Analyses a sentence with wink-nlp (numeric entities, parts of speech) and compromise (people, places). Each
 * analysis runs when one of its facts is first read: a question reads only the facts its type needs (compromise's
 * tagging, several times the cost of wink's parse, only for person and place questions), and a sentence
 * considered only as the one before a candidate is often not analysed at all.
 */
export function sentenceFacts(text: string): SentenceFacts {
  let parsed: Omit<SentenceFacts, 'people' | 'places'> | undefined;
  let named: Pick<SentenceFacts, 'people' | 'places'> | undefined;
  const winkFacts = () => (parsed ??= parsedFacts(text));
  const compromiseFacts = () => (named ??= namedFacts(text));
  return {
    get dateSpecificity() {
      return winkFacts().dateSpecificity;
    },
    get duration() {
      return winkFacts().duration;
    },
    get money() {
      return winkFacts().money;
    },
    get count() {
      return winkFacts().count;
    },
    get percent() {
      return winkFacts().percent;
    },
    get people() {
      return compromiseFacts().people;
    },
    get places() {
      return compromiseFacts().places;
    },
    get properNouns() {
      return winkFacts().properNouns;
    },
    get opensWithPronoun() {
      return winkFacts().opensWithPronoun;
    },
    get words() {
      return winkFacts().words;
    },
  };
}

/** The facts read from wink-nlp's parse (one `readDoc`). */
function parsedFacts(text: string): Omit<SentenceFacts, 'people' | 'places'> {
  const { entities, tokens } = parseText(text);
  const dates = entities.filter((e) => e.type === 'DATE' || (e.type === 'CARDINAL' && YEAR.test(e.value)));
  const firstWord = tokens.find((token) => token.pos !== 'PUNCT');
  return {
    dateSpecificity: dates.length ? Math.max(...dates.map((d) => dateValueSpecificity(d.value))) : VAGUE_TIME.test(text) ? 1 : 0,
    duration: entities.some((e) => e.type === 'DURATION'),
    money: entities.some((e) => e.type === 'MONEY'),
    count:
      entities.some((e) => (e.type === 'CARDINAL' && !YEAR.test(e.value)) || e.type === 'DURATION') ||
      tokens.some((t) => t.pos === 'NUM' && !YEAR.test(t.text)),
    percent: entities.some((e) => e.type === 'PERCENT'),
    properNouns: stems(tokens.filter((t) => t.pos === 'PROPN').map((t) => t.text)),
    opensWithPronoun: firstWord?.pos === 'PRON',
    words: tokens.map((t, i) => ({
      stem: tokenize(t.text)[0] ?? t.lower,
      pos: t.pos,
      // A capital inside the sentence marks a name even where the tagger missed it ("Official-1", a ship's name).
      proper: t.pos === 'PROPN' || (i > 0 && /^[A-Z][a-z0-9-]/.test(t.text) && t.pos !== 'PRON'),
    })),
  };
}

/** The names compromise finds: people, and places with organisations. */
function namedFacts(text: string): Pick<SentenceFacts, 'people' | 'places'> {
  const doc = nlp(text);
  return {
    people: stems(doc.people().out('array') as string[]),
    places: stems([...(doc.places().out('array') as string[]), ...(doc.organizations().out('array') as string[])]),
  };
}

function stems(phrases: string[]): Set<string> {
  return new Set(phrases.flatMap((phrase) => tokenize(phrase)));
}

/** How precisely one date expression dates something (see `SentenceFacts.dateSpecificity`). */
function dateValueSpecificity(value: string): number {
  const hasYear = /\b(1[5-9]\d\d|20\d\d)\b/.test(value);
  const hasMonthOrDay = /[A-Za-z]{3,}/.test(value.replace(/\b(in|on|of|the|last|next|this)\b/gi, ''));
  // A day of the month beside a month's name ("April 7", "7 April 2012") or in figures: the most precise date news writes.
  const dayOfMonth = /\b([1-9]|[12]\d|3[01])(st|nd|rd|th)?\b/.test(value.replace(/\b(1[5-9]\d\d|20\d\d)\b/g, ''));
  if ((dayOfMonth && MONTH_NAME.test(value)) || NUMERIC_DAY.test(value)) return 5;
  if (hasYear && hasMonthOrDay) return 4;
  if (hasYear) return 3;
  return hasMonthOrDay ? 2 : 1;
}
