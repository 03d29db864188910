import { stem } from '../index/lexical.ts';
import type { QuestionAnalysis } from './question.ts';

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const DATE_EXPRESSION = new RegExp(
  `\\b(1[89]\\d\\d|20\\d\\d)\\b|\\b${MONTH}\\b|\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow)\\b|\\b(last|next|this) (week|month|year)\\b|\\b(ago|earlier|later)\\b|\\b(a|one|two|three|\\d+) (days?|weeks?|months?|years?) (before|after)\\b`,
  'i',
);
const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|several|half';
const NUMBER = new RegExp(`(\\$|£|€)?\\b(\\d[\\d,.]*(-\\d+)?|${NUMBER_WORDS})\\b`, 'gi');

/** True when the sentence contains the kind of fact the question asks for. */
export function fitsAnswerType(question: QuestionAnalysis, sentence: string): boolean {
  switch (question.innerType ?? question.type) {
    case 'date':
      return DATE_EXPRESSION.test(sentence);
    case 'number':
      return question.counted ? countsNoun(sentence, question.counted) : NUMBER.test(resetting(sentence));
    case 'place':
      return hasPlace(sentence);
    case 'person':
      return hasName(sentence, question);
    case 'attribution':
      return ATTRIBUTION.test(sentence);
    default:
      return true;
  }
}

/**
 * How precisely a sentence dates something: 0 not at all, 1 vaguely ("over a decade ago"), 2 a weekday or a
 * month, 3 a year, 4 a month and year or a full date.
 */
export function dateSpecificity(sentence: string): number {
  const year = /\b(1[89]\d\d|20\d\d)\b/.test(sentence);
  const month = new RegExp(`\\b${MONTH}`).test(sentence);
  if (year && month) return 4;
  if (year) return 3;
  if (month || /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/.test(sentence)) return 2;
  return DATE_EXPRESSION.test(sentence) ? 1 : 0;
}

/** Whether the answer type is a hard requirement (no such fact in the evidence means no answer). */
export function isStrictType(question: Pick<QuestionAnalysis, 'type' | 'wantsName'>): boolean {
  return question.type === 'date' || question.type === 'number' || question.type === 'attribution' || (question.type === 'person' && question.wantsName === true);
}

// A report credited to a named outlet: "reported AFP", "according to the Russian news agency Tass", "told TASS",
// "RIA-Novosti reported", "Source: BFM TV".
const ATTRIBUTION = /\b(reported|according to|as per|told|quoted (in|by)|cited by|citing)\s+(the\s+)?([a-z]+\s+){0,3}[A-Z][A-Za-z-]+|\b[A-Z][A-Za-z-]+ (reported|said in a statement)\b|^(source|via|author)\s*:\s*\S/i;

function resetting(text: string): string {
  NUMBER.lastIndex = 0;
  return text;
}

/** A number within six words before the counted noun ("three “embarrassing” cases", "15-20 years"). */
function countsNoun(sentence: string, counted: string): boolean {
  const words = sentence.split(/\s+/);
  return words.some((word, i) => {
    if (stem(word.toLowerCase().replace(/[^a-z0-9-]/g, '')) !== counted) return false;
    return words.slice(Math.max(0, i - 6), i).some((before) => new RegExp(`^["'“‘(]?(\\$)?(\\d[\\d,.]*(-\\d+)?|${NUMBER_WORDS})\\b`, 'i').test(before));
  });
}

/** A capitalised place after a locative preposition, e.g. "in Bangkok", "at Marion". */
function hasPlace(sentence: string): boolean {
  return /\b(in|at|from|to|near|outside|south of|north of|east of|west of)\s+(the\s+)?[A-Z][a-z]+/.test(sentence);
}

// Capitalised words that name institutions and places rather than people ("Court of Appeals", "Second Circuit").
const NOT_PERSON = new Set(
  'the a an this that these those in on at but and he she it they his her its their mr mrs ms dr judge justice president vice prime minister deputy foreign senior former chief general attorney ambassador secretary senator governor court appeals circuit ministry department committee administration agency enforcement institute university times journal street house states united union nations council party government office service services press news radio station force forces army navy police bank prison penitentiary center centre foundation tank group organization republic federation embassy consulate supreme district federal state duma kremlin white new york washington moscow russia russian american soviet monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december first second third north south east west'.split(' '),
);

/** A capitalised name other than those the question already gives; a full personal name when one is asked for. */
function hasName(sentence: string, question: QuestionAnalysis): boolean {
  if (question.wantsName) {
    // A name the question does not give, once titles and institution words are set aside ("Bout's wife, Alla").
    const words = sentence.match(/(?<!^)\b[A-Z][a-z]+\b/g) ?? [];
    return words.some((word) => !NOT_PERSON.has(word.toLowerCase()) && !question.names.includes(stem(word.toLowerCase())));
  }
  const names = sentence.match(/(?<![.!?]\s|^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*/g) ?? [];
  return names.some((name) => !question.names.includes(stem(name.split(/\s+/).pop()!.toLowerCase())));
}
