import { nlp } from '../text/compromise.ts';
import { splitSentences } from '../corpus/sentences.ts';
import { TIME_UNITS } from '../text/calendar-words.ts';
import { stem } from '../text/stem.ts';
import { tokenize } from '../text/terms.ts';
import { tagTokens, type TaggedToken } from './nlp.ts';

/** The kind of fact a question asks for; evidence of the right kind is one of the answer decision's signals. */
export type AnswerType = 'date' | 'duration' | 'count' | 'amount' | 'person' | 'place' | 'entity' | 'other';

/** A question broken down for sentence scoring. */
export interface QuestionAnalysis {
  text: string;
  /** The question without framing such as "do the articles agree on": what to search for. */
  focus: string;
  type: AnswerType;
  /** Asks what each article reports ("do the articles agree…", "what do the reports say about…"). */
  survey: boolean;
  /** Stemmed content words of the focus (question words and the asked category left out). */
  terms: string[];
  /** Stemmed head noun of "which X" / "what X" / "the name of the X": the category the answer belongs to. */
  asked?: string;
  /**
   * For "what year", "which month", "on what date": how precise a date the question asks for, on the scale of
   * `SentenceFacts.dateSpecificity` (3 a year, 4 a month of a year, 5 a day). "When" asks for no particular one.
   */
  datePrecision?: number;
  /** Capitalised words and years of the question, stemmed: entities the evidence must concern. */
  names: string[];
}

// Words that ask rather than tell: wh-words and the verbs and nouns that frame a request.
const FRAME_WORDS = new Set(
  [
    'when',
    'where',
    'who',
    'whom',
    'whose',
    'what',
    'which',
    'how',
    'why',
    'many',
    'much',
    'long',
    'name',
    'kind',
    'type',
    'sort',
    'according',
    'did',
    'does',
  ].map(stem),
);

// Calendar nouns: "what year", "which day" ask for a date (general English, not of any corpus).
const CALENDAR_NOUNS = new Set([...TIME_UNITS, 'date', 'time']);
// The date precision a calendar noun asks for: "what year" is answered by a year, "which month" by a month of a
// year, "on what date" by a day. "Which day" is often a weekday ("which day of the week"), as precise as any date.
const DATE_PRECISION: Record<string, number> = { year: 3, month: 4, date: 5 };
// Measure nouns: "what age", "what price", "what share" ask for a number (general English, not of any corpus).
const MEASURE_NOUNS = new Set([
  'age',
  'number',
  'amount',
  'price',
  'cost',
  'sum',
  'total',
  'percentage',
  'share',
  'rate',
  'value',
  'figure',
  'height',
  'distance',
  'weight',
  'size',
  'population',
  'fine',
  'salary',
  'budget',
]);

// The corpus itself as the subject ("the articles", "the reports", "each outlet"): such questions ask what every
// article says, whatever the case.
const CORPUS_NOUN = '(articles?|reports?|sources?|outlets?|stories|story|coverage|pieces?|media)';
const SURVEY = new RegExp(
  `\\b(do|did|does|how do|what do|what does|how did)\\s+(the\\s+|all\\s+|these\\s+)?(different\\s+)?${CORPUS_NOUN}\\s+(agree|differ|disagree|say|report|describe|compare|put|tell|give|cite|quote|mention|name)|\\b(each|every|all|both)\\s+(of\\s+the\\s+)?${CORPUS_NOUN}\\b|\\b${CORPUS_NOUN}\\s+(agree|differ|disagree|contradict)\\b`,
  'i',
);
const SURVEY_FRAME = new RegExp(
  `\\b(do|did|does|how do|what do|what does|how did)\\s+(the\\s+|all\\s+|these\\s+)?(different\\s+)?${CORPUS_NOUN}\\s+(agree|differ|disagree|say|report|describe|compare|put|tell|give|cite|quote|mention|name)(\\s+(on|about|over|regarding|of))?\\b|\\b(according to\\s+)?(each|every|all|both)\\s+(of\\s+the\\s+)?${CORPUS_NOUN}\\b`,
  'gi',
);

/** Classifies a question by its wh-phrase (parts of speech from wink-nlp, role nouns from compromise). */
export function analyzeQuestion(text: string): QuestionAnalysis {
  // Links and code blocks are not words of the question: a URL's host must not become a required name.
  // Inline code keeps its words, lower-cased so that `Foo.Bar` is not taken for a name.
  const q =
    text
      .replace(/```[\s\S]*?```|<?https?:\/\/\S+/g, ' ')
      .replace(/`([^`]*)`/g, (_, code: string) => code.toLowerCase())
      .replace(/\s+/g, ' ')
      .trim() || text.trim();
  const survey = SURVEY.test(q);
  const framed = survey ? q.replace(SURVEY_FRAME, ' ').replace(/\s+/g, ' ').trim() || q : q;
  const focus = askedPart(framed);
  const tokens = tagTokens(focus);
  const { type, asked, datePrecision } = answerType(tokens);
  // Names of the sentences around the question still say what it is about ("Bout was held in Bangkok. When did he leave?").
  const names = focus === framed ? properNames(tokens) : [...new Set([...properNames(tokens), ...properNames(tagTokens(framed))])];
  return {
    text: q,
    focus,
    type,
    survey,
    terms: tokenize(focus).filter((term) => !FRAME_WORDS.has(term) && term !== asked),
    asked,
    ...(datePrecision ? { datePrecision } : {}),
    names,
  };
}

/**
 * In a message of several sentences ("Some context. When was…?"), what is asked is the sentences ending in a
 * question mark; the others are context or framing, and their words would make the question look uncovered.
 */
function askedPart(text: string): string {
  const parts = splitSentences(text).map(({ start, end }) => text.slice(start, end).trim());
  const asked = parts.filter((part) => part.endsWith('?'));
  return asked.length > 0 && asked.length < parts.length ? asked.join(' ') : text;
}

function answerType(tokens: TaggedToken[]): { type: AnswerType; asked?: string; datePrecision?: number } {
  const words = tokens.map((t) => t.lower);
  const at = words.findIndex((w) => /^(when|where|who|whom|whose|what|which|how|why)$/.test(w));
  if (at < 0) return { type: 'other' };
  const wh = words[at]!;
  const next = words[at + 1];
  if (wh === 'when') return { type: 'date' };
  if (wh === 'where') return { type: 'place' };
  if (wh === 'who' || wh === 'whom' || wh === 'whose') return { type: 'person' };
  if (wh === 'how') {
    if (next === 'many') {
      const counted = headNoun(tokens, at + 2);
      return { type: 'count', asked: counted ? stem(counted.word) : undefined };
    }
    if (next === 'much') return { type: 'amount' };
    if (next === 'long') return words[at + 2] === 'ago' ? { type: 'date' } : { type: 'duration' };
    if (next === 'old' || next === 'far' || next === 'big' || next === 'large') return { type: 'count' };
    return { type: 'other' };
  }
  if (wh === 'what' || wh === 'which') {
    // "what was the name of the agent": the category is the noun after "name of".
    const nameOf = words.indexOf('name', at);
    const head = nameOf > at && words[nameOf + 1] === 'of' ? headNoun(tokens, nameOf + 2) : headNoun(tokens, at + 1, true);
    if (!head) return { type: 'other' };
    if (CALENDAR_NOUNS.has(head.word))
      return { type: 'date', ...(DATE_PRECISION[head.word] ? { datePrecision: DATE_PRECISION[head.word] } : {}) };
    if (MEASURE_NOUNS.has(head.word)) return { type: 'amount', asked: stem(head.word) };
    if (nlp(head.word).has('#Actor') || nlp(head.word).has('#Person')) return { type: 'person', asked: stem(head.word) };
    // "Which city", "what company", "the name of the ship": the answer is usually a named thing.
    return { type: 'entity', asked: stem(head.word) };
  }
  return { type: 'other' };
}

/** The last noun of the noun phrase starting at `from` ("top Russian diplomat" → diplomat). */
function headNoun(tokens: TaggedToken[], from: number, adjacentOnly = false): { word: string } | undefined {
  // wink tags a verb right after the noun as a noun at times ("which clinic treated him"); compromise, reading
  // the whole question, tags it a verb: such a word ends the noun phrase instead of becoming its head.
  const verbs = new Set(
    (
      nlp(tokens.map((t) => t.text).join(' '))
        .match('#Verb')
        .out('array') as string[]
    ).flatMap((v) => v.toLowerCase().split(/\s+/)),
  );
  let head: string | undefined;
  for (let i = from; i < tokens.length; i++) {
    const { pos, lower } = tokens[i]!;
    if (head && verbs.has(lower)) break;
    if (pos === 'NOUN') head = lower;
    else if (pos === 'DET' || pos === 'ADJ' || pos === 'PROPN' || pos === 'NUM') {
      if (head) break;
    } else break;
    if (adjacentOnly && head && tokens[i + 1]?.pos !== 'NOUN') break;
  }
  return head ? { word: (nlp(head).nouns().toSingular().text() as string) || head } : undefined;
}

/** Proper nouns (wink's PROPN, or capitalised past a sentence's first word) and years, as stemmed tokens. */
function properNames(tokens: TaggedToken[]): string[] {
  const phrases: string[][] = [];
  let phrase: string[] = [];
  tokens.forEach((token, i) => {
    const sentenceStart = i === 0 || /^[.?!]$/.test(tokens[i - 1]!.text);
    const isName =
      token.pos === 'PROPN'
        ? !sentenceStart || (/^[A-Z]/.test(token.text) && !opensImperative(tokens, i))
        : !sentenceStart && /^[A-Z][a-z]/.test(token.text) && token.pos !== 'PRON';
    if (isName || /^(1[5-9]|20)\d\d$/.test(token.text)) phrase.push(token.text);
    else if (phrase.length) {
      phrases.push(phrase);
      phrase = [];
    }
  });
  if (phrase.length) phrases.push(phrase);
  // Whole phrases through the shared tokenizer, which maps a country's several names ("United States") to one.
  return [...new Set(phrases.flatMap((p) => tokenize(p.join(' '))))].filter((t) => !FRAME_WORDS.has(t));
}

/**
 * A request opening with its verb ("List the charges…", "Show me…"): wink tags the capitalised verb a proper noun,
 * compromise, reading the sentence, an imperative. It is no name the evidence must hold.
 */
function opensImperative(tokens: TaggedToken[], start: number): boolean {
  const end = tokens.findIndex((t, j) => j > start && /^[.?!]$/.test(t.text));
  const sentence = tokens
    .slice(start, end < 0 ? undefined : end)
    .map((t) => t.text)
    .join(' ');
  return nlp(sentence).has('^#Imperative');
}
