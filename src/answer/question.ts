import { stem, tokenize } from '../index/lexical.ts';

/** What kind of fact a question asks for; it decides what the evidence must contain. */
export type AnswerType = 'date' | 'number' | 'place' | 'person' | 'attribution' | 'comparison' | 'other';

/** A question broken down for evidence checks. */
export interface QuestionAnalysis {
  text: string;
  /** The question without framing such as "do the articles agree on": what to search for. */
  focus: string;
  type: AnswerType;
  /** For comparisons: the type of fact being compared. */
  innerType?: AnswerType;
  /** Stemmed content words. */
  terms: string[];
  /** For "how many X": the stem of X, which a number in the evidence must count. */
  counted?: string;
  /** The question asks for someone's name ("what was the name of the agent"): evidence must give one. */
  wantsName?: boolean;
  /** For "which X" / "what kind of X": the stem of X, the category the answer belongs to. */
  asked?: string;
  /** Capitalised names in the question (not its first word), stemmed: entities the evidence must concern. */
  names: string[];
}

// Words that only say what kind of answer is wanted; they are not content the evidence must share.
const QUESTION_WORDS = new Set(['when', 'where', 'who', 'whom', 'whose', 'what', 'which', 'how', 'why', 'many', 'much', 'long', 'name', 'day', 'date', 'year', 'time', 'kind', 'type', 'according', 'did', 'does', 'article', 'articles', 'report', 'reports', 'mention', 'mentioned', 'piece', 'story']);

const COMPARISON = /\b(do|did) (the )?(articles|sources|reports|outlets) (agree|differ|disagree|say)|\b(compare|comparison|differ(ent|ence)?|disagree|contradict|agree|consistent)\b|\b(each|all|every) (of the )?(articles|sources|outlets)\b/i;

/** Classifies a question and extracts the words the evidence must carry. */
export function analyzeQuestion(text: string): QuestionAnalysis {
  // Links and code are not words of the question: a URL's host must not become a required name.
  const q = text.replace(/```[\s\S]*?```|`[^`]*`|<?https?:\/\/\S+/g, ' ').replace(/\s+/g, ' ').trim() || text.trim();
  const lower = q.toLowerCase();
  const type = classify(lower);
  const focus = type === 'comparison' ? q.replace(COMPARISON_FRAME, ' ').replace(/\s+/g, ' ').trim() || q : q;
  const counted = /\bhow (many|much)\s+(?:['"‘“]?\w+['"’”]?\s+)?/.exec(lower)
    ? /\bhow many\s+(?:['"‘“][\w-]+['"’”]\s+)?([a-z-]+)/.exec(lower)?.[1]
    : undefined;
  return {
    text: q,
    focus,
    type,
    innerType: type === 'comparison' ? classify(focus.toLowerCase()) : undefined,
    terms: tokenize(focus).filter((term) => !QUESTION_WORDS.has(term)),
    counted: counted ? stem(counted) : undefined,
    asked: askedCategory(lower),
    wantsName: /\bname of\b|\bwhat (is|was) (his|her|their)( \w+)? name\b|\bwho (is|was) the (agent|officer|lawyer|judge|prosecutor|informant|official)\b/.test(lower),
    names: properNames(q),
  };
}

// "Which agencies do the articles cite?", "Who reported …?": the answer is the attribution in each article.
const ATTRIBUTION = /\b(which|what) (news )?(agenc(y|ies)|outlets?|media|newspapers?|wire services?)\b|\b(cite|cites|cited|quote|quotes|quoted) as (a )?sources?\b|\bwho (reported|broke the news)\b/i;

// The framing of a comparison, removed to find what is compared.
const COMPARISON_FRAME = /\b(do|did|does) (the )?(articles|sources|reports|outlets) (agree|differ|disagree)( (on|about|over))?\b|\b(do|did) (the )?(articles|sources|reports|outlets) say\b|\bhow do (the )?(articles|sources|reports) (compare|differ)( (on|about))?\b|\b(compare|comparison of)\b/gi;

function classify(lower: string): AnswerType {
  if (ATTRIBUTION.test(lower)) return 'attribution';
  if (COMPARISON.test(lower)) return 'comparison';
  if (/^(when|what (day|date|year|month|time)|on what (day|date)|in what (year|month)|which (day|date|year|month)|how long (ago|before|after))\b|\b(what|which) (day|date|year|month)\b/.test(lower)) return 'date';
  if (/\bhow (many|much|long|old|far)\b|\bwhat (number|amount|percentage|sum)\b/.test(lower)) return 'number';
  if (/^where\b|\b(in|at|from) (what|which) (city|country|place|prison|town|state)\b|\bwhere (is|was|are|were)\b/.test(lower)) return 'place';
  if (/^who (is|was|are|were) [a-z]+( [a-z]+)?\??$/.test(lower.replace(/[’']s\b/g, ''))) return 'other';
  if (/^(who|whom|whose)\b|\b(what|which) (is|was) the name\b|\bname of\b|\bwhich (person|official|minister|diplomat|judge|analyst|journalist|agent|professor|expert)\b/.test(lower)) return 'person';
  return 'other';
}

function askedCategory(lower: string): string | undefined {
  // The head noun of "which top Russian diplomat claimed …": the last word before the verb.
  const after = /\b(?:which|what)\s+(?:kind of |type of |sort of )?(.*)/.exec(lower)?.[1]?.split(/[^a-z-]+/) ?? [];
  const phrase: string[] = [];
  for (const word of after.slice(0, 5)) {
    if (!word || AUXILIARIES.test(word) || /ed$/.test(word)) break;
    phrase.push(word);
  }
  const head = phrase.at(-1);
  return head && !QUESTION_WORDS.has(head) ? stem(head) : undefined;
}

const AUXILIARIES = /^(is|was|are|were|do|does|did|has|have|had|can|could|will|would|should|may|might|of|in|on|at|to|for|from|by|with|about)$/;

/** Capitalised names and years after the first word (phrases like "United States" kept whole), as stemmed tokens. */
function properNames(question: string): string[] {
  // A sentence's first word is capitalised anyway: drop it ("See the link", "Where was …").
  const body = question.replace(/[’']s\b/g, '').replace(/(^|[.?!]\s+)\S+\s*/g, '$1');
  // Years count as names: a question about 2020 is not answered by passages that never mention 2020.
  const phrases = body.match(/\b[A-Z][A-Za-z0-9.-]*(?:\s+[A-Z][A-Za-z0-9.-]*)*|\b(1[89]|20)\d\d\b/g) ?? [];
  return [...new Set(phrases.flatMap((phrase) => tokenize(phrase)))];
}
