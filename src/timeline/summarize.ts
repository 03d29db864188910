import { datelineLength } from './dateline.ts';
import { isReporting } from './kind.ts';
import { analyse, isNounish, type Term } from './nlp.ts';
import { nominalEvent } from './nominal-event.ts';
import { finish, type EventText } from './summary-line.ts';

export type { EventText } from './summary-line.ts';

// Clause breaks: commas, semicolons, colons, dashes and brackets.
const BREAK = /(?<!\d),|,(?!\d)|[;:()]|\s[—–-]\s|—/g;
// Words that open a clause without adding to what happened.
const OPENERS =
  /^(?:(?:and|but|so|then|however|subsequently|meanwhile|also|moreover|still|yet|later|earlier|finally|instead|although|though|while|whereas|since|after|before|when|where|as|because|following|until)\b[,\s]*)+/i;
// A date's preposition and the words that qualify it ("late on Friday", "early in 2024", "in the spring of").
const DATE_LEAD =
  /(?:\b(?:late|early|earlier|later|mid|just|only)\s+)?(?:\b(?:last|next|this|coming)\s+)?(?:\b(?:on|in|at|during|by|of|since|from|until|till|for)\s+)?(?:the\s+(?:spring|summer|autumn|fall|winter|start|end|middle|beginning)\s+of\s+)?(?:the\s+)?$/i;

/**
 * Cuts a sentence down to the clause that the date at [index, end) belongs to — the actor, the verb and what
 * it acts on, as compromise tags them — and rewrites it as a one-line summary without the date. `antecedent`
 * names who a leading "he" or "she" is, given where the clause starts.
 */
export function summarize(
  sentence: string,
  mention: { index: number; end: number },
  others: { index: number; end: number }[],
  antecedent?: (offset: number) => string | undefined,
): EventText {
  const { terms } = analyse(sentence);
  const byNoun = nominalEvent(sentence, terms, mention, antecedent);
  if (byNoun) return byNoun;
  // A wire dateline opening the sentence ("BUDVA, Montenegro, Nov. 9 /Wire/ —") is no part of any clause.
  const datelineEnd = datelineLength(sentence);
  const segments = splitSegments(sentence, [mention, ...others]).filter((segment) => segment.start >= datelineEnd);
  if (segments.length === 0) segments.push({ start: 0, end: sentence.length });
  const at = Math.max(
    0,
    segments.findIndex((segment) => mention.index >= segment.start && mention.index < segment.end),
  );
  let [first, last] = [at, at];
  const content = (from: number, to: number) =>
    terms.some(
      (term) => term.start >= segments[from]!.start && term.end <= segments[to]!.end && (term.tags.has('Verb') || isNounish(term)),
    );
  const verbIn = (from: number, to: number) => mainVerb(terms, segments[from]!.start, segments[to]!.end);
  // A clause with nothing but the date ("On Monday,", "and in 1991,") or an adverbial ("at a meeting in Athens")
  // belongs to the main clause nearby: the first that opens with its subject and has a verb.
  const main = mainVerb(terms, segments[at]!.start, segments[at]!.end) ? undefined : mainClause(terms, segments, at);
  if (main !== undefined) [first, last] = [main, main];
  while (!content(first, last) && last + 1 < segments.length && last - at < 2) last++;
  if (!verbIn(first, last) && !nominal(terms, segments[first]!.start, segments[last]!.end) && last + 1 < segments.length) last++;
  let start = segments[first]!.start;
  let end = segments[last]!.end;
  // Within the clause, a subordinate part holds the date's event: "... comes months after he was released in December".
  let head = '';
  for (const match of sentence.slice(start, end).matchAll(SUBORDINATE)) {
    const position = start + match.index + match[0].indexOf(match[1]!);
    // "after", "before", "since", "until" and "following" are also prepositions: they open a part only before a verb.
    if (
      /^(after|before|since|until|following)$/i.test(match[1]!) &&
      !mainVerb(terms, position, position < mention.index ? mention.index : end)
    )
      continue;
    if (position < mention.index) {
      const wasRelative = /^(who|which|whose)$/i.test(match[1]!);
      const before = sentence.slice(start, position);
      if (wasRelative) {
        head = nounPhraseBefore(before, terms, start);
        // "The dealer who has been accused of ... was arrested in 2008": the relative clause ends before the
        // main verb, which the date belongs to; the clause is then the head and the main verb on.
        const groups = verbGroups(terms, position, mention.index);
        if (groups.length >= 2) {
          start = groups[1]!;
          continue;
        }
      }
      start = position;
    } else if (position > mention.end && position > start) {
      end = position;
      break;
    }
  }
  // "... sold its ships in 2014 and was formally dissolved in 2017": coordinated predicates, one date each.
  for (const term of terms.filter((candidate) => candidate.start > start && candidate.end < end && /^(and|but)$/i.test(candidate.text))) {
    const next = terms.find((candidate) => candidate.start > term.end);
    // A participle after "and" continues a passive ("was detained ... and released"), though tagged an adjective.
    const predicate = (term: Term | undefined) =>
      term !== undefined && (term.tags.has('Verb') || (term.tags.has('Adjective') && /\p{Ll}(?:ed|en)$/u.test(term.text)));
    if (!next || !(predicate(next) || (next.tags.has('Adverb') && predicate(terms.find((after) => after.start > next.end))))) continue;
    // Only where the other predicate has a date of its own; else the date belongs to both ("flew ... and was arrested").
    const dated = (from: number, to: number) => others.some((other) => other.index >= from && other.index < to);
    if (term.start > mention.end && mainVerb(terms, start, term.start) && dated(term.end, end)) end = term.start;
    else if (term.end < mention.index && mainVerb(terms, term.end, mention.index) && dated(start, term.start)) start = term.end;
  }
  const verb = mainVerb(terms, start, end);
  const opening = terms.find((term) => term.start >= start && term.end <= end);
  // ", which starts Wednesday" / ", scheduled for May" / ", arrested last week": about the noun phrase just before.
  const relative = opening !== undefined && /^(which|who|whose)$/i.test(opening.text);
  // A participle after a comma is an aside only once the sentence has had its own subject and verb.
  const mainBefore = segments.some((segment) => segment.end <= start && subjectAndVerb(terms, segment));
  const participle =
    main === undefined &&
    opening !== undefined &&
    opening === verb &&
    opening.tags.has('PastTense') &&
    /,\s*$/.test(sentence.slice(0, start)) &&
    mainBefore;
  if (!head && start > 0 && (relative || participle)) {
    head = nounPhraseBefore(sentence.slice(0, start).replace(/[\s,]+$/, ''), terms, 0);
  }
  // "the Varyag, a cruiser destroyed in 1905": an apposition describes the name before it.
  const apposition =
    !head && opening !== undefined && /^(a|an)$/i.test(opening.text) && /\p{Lu}[\p{L}’'-]*,\s*$/u.test(sentence.slice(0, start));
  if (apposition) head = `${nounPhraseBefore(sentence.slice(0, start).replace(/[\s,]+$/, ''), terms, 0)},`;
  // A clause that starts at its verb takes the sentence's subject ("Varelides, 55, ..., was arrested").
  let subject = head;
  if (!subject && verb && !hasSubjectBefore(terms, start, verb.start)) subject = subjectOf(sentence, terms, verb.start) ?? '';
  let said = isReporting(verb?.lemma);
  const body = cutDates(sentence, start, end, [mention, ...others]).replace(/^\s*(?:who|which|whose)\s+/i, '');
  let text = subject ? `${subject} ${tidy(body)}` : body;
  // "..., police said on Saturday": a short attribution; what was said is the rest of the sentence.
  if (said && wordCount(tidy(text)) <= 6) {
    const rest = segments
      .filter((segment) => segment.end <= start || segment.start >= end)
      .map((segment) => cutDates(sentence, segment.start, segment.end, [mention, ...others]))
      .join(' ');
    const reported = tidy(rest);
    if (wordCount(reported) >= 3) text = `${tidy(text)}: ${reported}`;
  }
  if (!verb && !nominal(terms, start, end)) said = false;
  // "released a former UN official, Vladimir Kuznetsov, who ...": the name set off after the clause is who it means.
  const apposed = APPOSED_NAME.exec(sentence.slice(end));
  if (apposed && !said) text = `${text.trimEnd()}, ${apposed[1]}`;
  return {
    clause: sentence.slice(start, end),
    start,
    end,
    summary: finish(asFinite(resolvePronoun(tidy(text), subject ? undefined : antecedent?.(start)))),
    said,
  };
}

// A name alone between commas right after a clause: an apposition naming who the clause means.
const APPOSED_NAME = /^\s*,\s*((?:\p{Lu}[\p{L}'’.-]+\s+){1,3}\p{Lu}[\p{L}'’-]+)\s*(?:,|\.|$)/u;
/** "Bout being sentenced" (a clause cut from "after being sentenced") reads as a sentence: "Bout was sentenced". */
function asFinite(text: string): string {
  return text
    .replace(/^((?:\p{Lu}[\p{L}'’.-]*\s+)*\p{Lu}[\p{L}'’.-]*|he|she|it)\s+being\s+(?=\p{Ll}+(?:ed|en|wn|ht)\b)/u, '$1 was ')
    .replace(/^(they)\s+being\s+(?=\p{Ll}+(?:ed|en|wn|ht)\b)/iu, '$1 were ');
}

// Where a subordinate or relative part of a clause begins.
const SUBORDINATE = /(?:^|\s)(since|after|before|when|where|while|because|following|until|who|which|whose|whereas)\s/gi;

/** Where each run of verbs ("has been accused", "was arrested") starts within [start, end). */
function verbGroups(terms: Term[], start: number, end: number): number[] {
  const inside = terms.filter((term) => term.start >= start && term.end <= end);
  // A verb after "to" is an infinitive of the same group ("expects him to recover").
  return inside
    .filter(
      (term, i) =>
        term.tags.has('Verb') &&
        !term.tags.has('Gerund') &&
        !(i > 0 && (inside[i - 1]!.tags.has('Verb') || inside[i - 1]!.tags.has('Adverb') || /^to$/i.test(inside[i - 1]!.text))),
    )
    .map((term) => term.start);
}

const OPENING_TAGS = ['Noun', 'Pronoun', 'Determiner', 'ProperNoun', 'Adjective', 'Possessive'];

function subjectAndVerb(terms: Term[], segment: Segment): boolean {
  const verb = mainVerb(terms, segment.start, segment.end);
  return (
    verb !== undefined &&
    terms.some((term) => term.start >= segment.start && term.end <= verb.start && (isNounish(term) || term.tags.has('Pronoun')))
  );
}

/** The nearest segment that continues the date's clause: a predicate right after it, else one that opens with a subject and holds a verb. */
function mainClause(terms: Term[], segments: Segment[], at: number): number | undefined {
  const next = segments[at + 1];
  const first = next && terms.find((term) => term.start >= next.start && term.end <= next.end);
  if (first?.tags.has('Verb') && !first.tags.has('Gerund')) return at + 1;
  const order = [at + 1, at + 2, at + 3, at - 1, at - 2].filter((i) => i >= 0 && i < segments.length);
  return order.find((i) => {
    const words = terms.filter((term) => term.start >= segments[i]!.start && term.end <= segments[i]!.end);
    const opening = words[0];
    return (
      opening !== undefined &&
      OPENING_TAGS.some((tag) => opening.tags.has(tag)) &&
      !/^(which|who|whose|that)$/i.test(opening.text) &&
      words.some((term) => term.tags.has('Verb') && !term.tags.has('Gerund'))
    );
  });
}

/** A clause without a verb can still name an event by a noun ("Bout’s sentencing in New York", "his arrest"). */
function nominal(terms: Term[], start: number, end: number): boolean {
  return terms.some((term) => term.start >= start && term.end <= end && isNounish(term));
}

/** The noun phrase at the end of `text` ("... during his visit to Washington" → "his visit to Washington"). */
function nounPhraseBefore(text: string, terms: Term[], offset: number): string {
  const inside = terms.filter((term) => term.start >= offset && term.end <= offset + text.length);
  let from = inside.length;
  while (from > 0) {
    const term = inside[from - 1]!;
    const joins =
      term.tags.has('Preposition') || term.tags.has('Conjunction') ? /^(of|to|at|in|on)$/i.test(term.text) : !term.tags.has('Verb');
    if (!joins || /[,;:]$/.test(text.slice(0, term.end - offset))) break;
    from--;
  }
  const phrase = inside[from] ? text.slice(inside[from]!.start - offset).trim() : '';
  return phrase.replace(/[,;:]$/, '').replace(/^(?:of|to|at|in|on)\s+/i, '');
}

interface Segment {
  start: number;
  end: number;
}

/** The sentence cut at its clause breaks, except those inside a date ("May 14, 2019"). */
function splitSegments(sentence: string, dates: { index: number; end: number }[] = []): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  for (const match of sentence.matchAll(BREAK)) {
    if (dates.some((date) => match.index > date.index && match.index < date.end)) continue;
    if (match.index > start) segments.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  if (start < sentence.length) segments.push({ start, end: sentence.length });
  return segments.filter((segment) => sentence.slice(segment.start, segment.end).trim().length > 0);
}

/** The first verb of a span that is not an auxiliary ("was arrested" → "arrested"). */
function mainVerb(terms: Term[], start: number, end: number): Term | undefined {
  return (
    terms.find(
      (term) =>
        term.start >= start &&
        term.end <= end &&
        term.tags.has('Verb') &&
        !term.tags.has('Auxiliary') &&
        !term.tags.has('Modal') &&
        !term.tags.has('Gerund'),
    ) ?? terms.find((term) => term.start >= start && term.end <= end && term.tags.has('Verb'))
  );
}

function hasSubjectBefore(terms: Term[], start: number, verbStart: number): boolean {
  return terms.some((term) => term.start >= start && term.end <= verbStart && (isNounish(term) || term.tags.has('Pronoun')));
}

/** The sentence's subject: the words before its first verb, from their last comma on ("Russian arms dealer, Viktor Bout"). */
function subjectOf(sentence: string, terms: Term[], before: number): string | undefined {
  const verb = terms.find((term) => term.tags.has('Verb'));
  if (!verb || verb.start > before) return undefined;
  const words = terms.filter((term) => term.end <= verb.start);
  if (!words.some(isNounish)) return undefined;
  const text = sentence
    .slice(0, verb.start)
    .replace(/\s+(?:who|which|that)\s*$/i, '')
    .replace(/[\s,]+$/, '');
  const parts = text.split(/,\s*/).filter((part) => /\p{L}/u.test(part));
  // "Kosmas Varelides, 55, the founder of ...", "Russian arms dealer, Viktor Bout": the name, not the description.
  const capitalised = parts.filter((part) => /^\p{Lu}/u.test(part.trim()) && !/^(the|a|an)\b/i.test(part.trim()));
  const named = capitalised.find((part) => /\p{Lu}\S*\s+\p{Lu}/u.test(part)) ?? capitalised[0];
  return tidy(named ?? parts.at(-1) ?? text);
}

/** The text of [start, end) without its date expressions and the prepositions that lead into them. */
function cutDates(sentence: string, start: number, end: number, dates: { index: number; end: number }[]): string {
  let text = sentence.slice(start, end);
  const inside = dates.filter((date) => date.index >= start && date.end <= end).sort((a, b) => b.index - a.index);
  for (const date of inside) {
    const head = text.slice(0, date.index - start);
    const lead = DATE_LEAD.exec(head)?.[0] ?? '';
    // The date is the point after "scheduled for" or "due": keep it ("the meeting scheduled for May").
    if (/\b(scheduled|set|slated|planned|due)\s+(for|on|in)\s+$|\S\s+(by|until|till)\s+$/i.test(head)) continue;
    text = head.slice(0, head.length - lead.length) + text.slice(date.end - start);
  }
  return text;
}

function tidy(text: string): string {
  let out = text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/\b(and|or)\s+(?:and|or)\b/g, '$1')
    .replace(/^[\s,;:.–—-]+|[\s,;:–—.-]+$/g, '')
    .replace(OPENERS, '')
    .replace(/[“”"]/g, '');
  out = out.replace(/^\W+/, '').replace(/\s+(?:and|or|but)$/i, '');
  return out;
}

/** "He was sentenced" → "Bout was sentenced". */
function resolvePronoun(text: string, antecedent: string | undefined): string {
  // "he introduced Varelidis to two men": "he" is someone else than the person the clause names.
  if (!antecedent || text.slice(3).includes(antecedent)) return text;
  return text.replace(/^(he|she)\b/i, antecedent).replace(/^(his|her)\b/i, `${antecedent}’s`);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
