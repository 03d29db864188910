import nlp from 'compromise';

/** A word of a sentence with the part-of-speech tags compromise gives it; `lemma` is set for verbs. */
export interface Term {
  text: string;
  start: number;
  end: number;
  tags: Set<string>;
  lemma?: string;
}

/** A run of capitalised proper-noun words, with the entity tags compromise gave any of them. */
export interface NameRun {
  text: string;
  start: number;
  end: number;
  person: boolean;
  place: boolean;
  organization: boolean;
}

/** What the NLP library reads in one sentence. */
export interface Analysis {
  terms: Term[];
  names: NameRun[];
}

interface CompromiseTerm {
  text: string;
  post: string;
  tags: Set<string>;
  root?: string;
  offset: { start: number; length: number };
}

// compromise's verb conjugator, to get the lemma of a verb without parsing it again.
const methods = (
  nlp as unknown as { methods(): { two: { transform: { verb: { toInfinitive(word: string, model: unknown): string } } } } }
).methods();
const model = (nlp as unknown as { model(): unknown }).model();

const cache = new Map<string, Analysis>();
// Only saves re-reading a sentence within one build (entities, summaries and matching look at the same sentences).
const CACHE_LIMIT = 5000;

/** A noun, or a capitalised word the tagger mistook for something else ("Bout" read as "about"). */
export function isNounish(term: Term): boolean {
  if (term.tags.has('Date') || term.tags.has('Value') || term.tags.has('Pronoun') || term.tags.has('Verb')) return false;
  if (term.tags.has('Noun')) return true;
  return (
    /^\p{Lu}\p{Ll}/u.test(term.text) &&
    !term.tags.has('Determiner') &&
    !term.tags.has('Conjunction') &&
    !PREPOSITIONS.has(term.text.toLowerCase())
  );
}

// English prepositions that open sentences capitalised ("On Monday, ..."); a closed class of the language.
const PREPOSITIONS = new Set(
  'in on at of by for from to with into onto upon about after before during since until under over through between among against without within'.split(
    ' ',
  ),
);

/**
 * Parses many sentences in one pass (compromise reads one long text much faster than many short ones) and
 * keeps each sentence's analysis for `analyse`.
 */
export function preload(sentences: string[]): void {
  const pending = [...new Set(sentences)].filter((sentence) => !cache.has(sentence));
  if (pending.length === 0) return;
  // A blank line between sentences keeps compromise from reading two of them as one.
  const starts: number[] = [];
  let text = '';
  for (const sentence of pending) {
    starts.push(text.length);
    text += `${sentence}\n\n`;
  }
  const doc = nlp(text) as unknown as { compute(what: string): unknown; termList(): CompromiseTerm[] };
  doc.compute('offset');
  doc.compute('root');
  const terms: Term[][] = pending.map(() => []);
  let at = 0;
  for (const term of doc.termList()) {
    while (at + 1 < starts.length && starts[at + 1]! <= term.offset.start) at++;
    terms[at]!.push(toTerm(term, starts[at]!));
  }
  if (cache.size + pending.length > CACHE_LIMIT) cache.clear();
  pending.forEach((sentence, i) => cache.set(sentence, { terms: terms[i]!, names: nameRuns(sentence, terms[i]!) }));
}

function toTerm(term: CompromiseTerm, base: number): Term {
  const start = term.offset.start - base;
  const out: Term = { text: term.text, start, end: start + term.offset.length, tags: new Set(term.tags) };
  if (term.tags.has('Verb'))
    out.lemma = term.root || methods.two.transform.verb.toInfinitive(term.text.toLowerCase(), model) || term.text.toLowerCase();
  return out;
}

/** Parses a sentence once with compromise: tagged words with offsets, verb lemmas, proper-noun runs. */
export function analyse(sentence: string): Analysis {
  const hit = cache.get(sentence);
  if (hit) return hit;
  const doc = nlp(sentence) as unknown as { compute(what: string): unknown; termList(): CompromiseTerm[] };
  doc.compute('offset');
  doc.compute('root');
  const terms: Term[] = doc.termList().map((term) => toTerm(term, 0));
  const analysis = { terms, names: nameRuns(sentence, terms) };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(sentence, analysis);
  return analysis;
}

const CAPITALISED = /^[\p{Lu}][\p{L}’'.-]*$/u;

/** Maximal runs of capitalised proper nouns ("Judge Evelyn Strausser", "Kymothoe Navigation"), split at punctuation. */
function nameRuns(sentence: string, terms: Term[]): NameRun[] {
  const runs: NameRun[] = [];
  let current: Term[] = [];
  const flush = () => {
    if (current.length > 0) {
      const start = current[0]!.start;
      const end = current.at(-1)!.end;
      const has = (tag: string) => current.some((term) => term.tags.has(tag));
      runs.push({
        text: sentence.slice(start, end).replace(/['’]s$/, ''),
        start,
        end,
        person: has('Person'),
        place: has('Place'),
        organization: has('Organization'),
      });
    }
    current = [];
  };
  const entity = (term: Term) =>
    CAPITALISED.test(term.text.replace(/['’]s$/, '')) &&
    !['Date', 'Month', 'WeekDay', 'Pronoun', 'Demonym', 'Value'].some((tag) => term.tags.has(tag));
  const tagged = (term: Term) => ['ProperNoun', 'Person', 'Place', 'Organization'].some((tag) => term.tags.has(tag));
  terms.forEach((term, i) => {
    const next = terms[i + 1];
    // A sentence-initial first name is often tagged a plain noun: it belongs to the name that follows it.
    const proper =
      entity(term) &&
      (tagged(term) || (term.tags.has('Noun') && next !== undefined && entity(next) && tagged(next) && sentence[term.end] === ' '));
    if (!proper) return flush();
    current.push(term);
    // Punctuation after a word ("Budva," "Chios.") ends the run.
    if (sentence[term.end] !== ' ') flush();
  });
  flush();
  return runs;
}
