import { antecedent } from './terms.ts';

/** The event a date belongs to, as a clause (for matching) and a short headline-like summary. */
export interface EventText {
  clause: string;
  summary: string;
}

const DATE = '\uE000';
const OTHER = '\uE001';
const MAX_SUMMARY = 100;
const PARTICIPLE = String.raw`(?:\w+ed|\w+en|held|sent|told|put|caught|brought|built|freed|shot|hit|found|kept|seen|sold|made|led|won|lost|paid|met|left|set|struck|spent|read)`;
const VERB = String.raw`(?:was|were|is|are|has|had|have|will|would|could|can|did|does|said|says|${PARTICIPLE}|\w+s)`;
// Where the noun phrase an aside describes starts: after a preposition (not "to"/"of", which stay inside it) or a verb.
const HEAD_STOP = /\b(?:during|about|from|with|including|for|by|over|into|will|would|was|were|is|are|has|had|remain|remains|stay|stays|and|or|but|\w+ed)\s+/g;
const DATELINE = /^[A-Z][A-Z .'-]+,\s[^-–—]{2,40}?\s[-–—]\s+/;
// A passive participle aside is followed by a preposition or a time word ("freed by", "arrested last week"); a main verb is not.
const ASIDE_FOLLOWER = String.raw`(?:by|in|on|at|for|from|to|with|as|last|this|over|under|after|before)\b|[\uE000\uE001]`;
// "..., minutes after" / "two days before": how long before or after, left over once the clause is cut.
const LEAD_IN = /,?\s*(?:(?:a few|several|some|two|three|\d+|just|only|shortly|soon|long|moments?|hours?|days?|weeks?|months?|years?|minutes?)\s*)+$/i;
const SUBORDINATE = /\s(after|before|when|since|until|because|while|following)\s/g;

/**
 * Cuts a sentence down to the clause that the date at [index, end) belongs to, and rewrites that clause as a
 * short summary without the date ("Viktor Bout was arrested in 2008 in Thailand and later ..." → "Viktor Bout
 * arrested in Thailand"). `others` are the sentence's other dates, whose clauses are dropped; `previous` is the
 * sentence before, to name who "he" is.
 */
export function summarize(sentence: string, mention: { index: number; end: number }, others: { index: number; end: number }[], previous?: string): EventText {
  const dateText = sentence.slice(mention.index, mention.end);
  let text = sentence;
  // A wire dateline ("BERLIN, Jan. 17 (Reuters) - ") is not part of the event.
  const dateline = DATELINE.exec(text)?.[0].length ?? 0;
  for (const span of [mention, ...others].sort((a, b) => b.index - a.index)) {
    text = text.slice(0, span.index) + (span === mention ? DATE : OTHER) + text.slice(span.end);
  }
  if (dateline > 0 && mention.index >= dateline) text = text.replace(/^.*?\s[-–—]\s+/, '');
  const subject = subjectOf(text);
  let clause = pickClause(dropAsides(text), subject);
  clause = dropAsides(clause);
  const restore = (value: string) =>
    value
      .replaceAll(DATE, dateText)
      .replace(/(?:\b(?:in|on|during|at|of|for|by|until|till|since|from|to)\s+)?\uE001/gi, '')
      .replace(/\s+/g, ' ')
      .trim();
  let summary = cutTail(clause);
  summary = dropDate(summary);
  summary = resolvePronoun(summary, [subject ?? '', sentence.slice(0, Math.max(0, sentence.indexOf(restore(clause).slice(0, 12))))], previous);
  summary = attribution(headline(summary));
  return { clause: restore(clause), summary: tidy(restore(summary)) };
}

/** Words before the sentence's first verb, after any opening adverbial ("In 2010, Bout was ..." → "Bout"). */
function subjectOf(text: string): string | undefined {
  const body = text.replace(/^[^,]{0,40},\s+(?=[A-Z])/, (lead) => (/^(in|on|by|after|before|during|subsequently|however|\uE000)/i.test(lead) ? '' : lead));
  const match = new RegExp(String.raw`^(.{2,80}?)\s+(?:who\s|which\s|, who|${VERB}\b)`).exec(body);
  if (!match) return undefined;
  const subject = match[1]!.split(/,\s*/).filter((part) => /[A-Z]/.test(part)).pop() ?? match[1]!;
  return /[\uE000\uE001“"]/.test(subject) ? undefined : subject.trim();
}

/** The part of the sentence the date belongs to: its conjunct, its subordinate clause, or the appositive it sits in. */
function pickClause(text: string, subject: string | undefined): string {
  const conjuncts = text.split(new RegExp(String.raw`;\s+|,\s+but\s+|\s+but\s+(?=(?:was|were|is|has|had|then|later)\b)|,?\s+and\s+(?=(?:later|then|subsequently|was|were|has|had|is|${PARTICIPLE})\b)|,\s+then\s+`));
  const index = Math.max(0, conjuncts.findIndex((part) => part.includes(DATE)));
  let clause = conjuncts[index]!;
  if (index > 0 && subject && /^[a-z]/.test(clause)) clause = `${subject} ${clause}`;
  // "Although that document was signed in 1983, it ...": the opening subordinate clause is the event.
  const opening = /^(?:although|though|while|when|after|before|once|because)\s+([^,]*\uE000[^,]*),/i.exec(clause);
  if (opening) return opening[1]!;
  // "His 2008 arrest in Bangkok ... followed ...": the dated noun phrase is the event, not what it did.
  if (/^(?:\S+\s+){0,2}\uE000\s+[a-z]/.test(clause)) {
    const verb = new RegExp(String.raw`\s(?:followed|came|led|began|ended|sparked|prompted|was|were|is|are|has|had)\s`).exec(clause);
    if (verb) return clause.slice(0, verb.index);
  }

  // "... come months after he was released in December 2022": the subordinate clause holds the event.
  for (const match of [...clause.matchAll(SUBORDINATE)].reverse()) {
    const tail = clause.slice(match.index + match[0].length);
    if (tail.includes(DATE) && !clause.slice(0, match.index).includes(DATE)) {
      clause = /^(being|having|\w+ing)\b/.test(tail) && subject ? `${subject} ${tail}` : tail;
      break;
    }
    if (!tail.includes(DATE) && clause.slice(0, match.index).includes(DATE)) clause = clause.slice(0, match.index).replace(LEAD_IN, '');
  }
  return appositiveEvent(clause) ?? clause;
}

/** When the date sits in "NAME, who was freed last year," or "the Varyag, a cruiser destroyed in 1905", that is the event. */
function appositiveEvent(clause: string): string | undefined {
  const aside = new RegExp(String.raw`(,\s+|\s+)(who|which|whose|where|(?:recently |then |later )?\w+ed(?=\s+(?:${ASIDE_FOLLOWER}))|a|an)\s[^,]*\uE000[^,]*`).exec(clause);
  if (!aside || (aside[1] === ' ' && !/^(who|which|whose)$/.test(aside[2]!))) return undefined;
  // "..., where he had been treated in August": that clause has its own subject.
  if (aside[2] === 'where') return aside[0].replace(/^,?\s+where\s+/, '');
  // "The dealer who has been accused of ... was arrested in 2008": the date belongs to the main verb.
  if (/^(who|which|whose)$/.test(aside[2]!) && /\s(was|were|is|are|has|had)\s[^\uE000]*\s(was|were|is|are|has|had)\s[^\uE000]*\uE000/.test(aside[0])) return undefined;
  const before = clause.slice(0, aside.index);
  const head = /((?:(?:the|his|her|its|their|a|an)\s+)?(?:[\p{L}’'-]+\s+){0,4}[\p{L}’'-]+)$/u.exec(before.replace(HEAD_STOP, '|'))?.[1];
  if (!head) return undefined;
  const rest = aside[0].replace(/^,?\s+/, '').replace(/^(who|which|whose)\s+/, '');
  const joiner = /^(a|an)$/.test(aside[2]!) ? ', ' : ' ';
  return `${head.split('|').pop()!.trim().replace(/^(?:in|on|at)\s+/, '')}${joiner}${rest}`;
}

/** Drops relative clauses and participle asides that do not hold the date. */
function dropAsides(clause: string): string {
  return clause
    .replace(new RegExp(String.raw`,\s+(?:who|which|whose|(?:recently |then |later |now )?\w+ed(?=\s+(?:${ASIDE_FOLLOWER})))[^,\uE000]*(?:,|$)`, 'g'), ' ')
    .replace(/\s+who\s[^,\uE000]*\uE001[^,\uE000]*,\s*/g, ' ')
    .replace(new RegExp(String.raw`\s+who\s+(?:has|have|had|was|were|is|are)\s+[^,\uE000]*?(?=\s(?:was|were|is|are|has|had)\s)`), '');
}

/** Cuts what follows the event: "..., saying ...", "while answering questions", a trailing aside. */
function cutTail(text: string): string {
  return text
    .replace(/,?\s+(?:saying|citing|leading to|offering|adding|according to|as per|referring to|reported|while|upholding)\b.*$/, '')
    .replace(/,\s+(?:a|an)\s[^,\uE000]*$/, '');
}

/** Removes the date and its preposition; keeps it where it is the point ("scheduled for May"). */
function dropDate(text: string): string {
  // The date is the point after "scheduled for" or "by": "recover by October" means nothing without it.
  if (/\b(scheduled|set|slated|planned|due)\s+(for|on|in)\s+\uE000|\b(for|by|until|till|before|after|from|to)\s+\uE000/i.test(text)) return text.replace(/(?:\b(?:in|on|during|at|of|for|by|until|till|since|from|to)\s+)?\uE001/gi, '');
  return text
    .replace(/,\s*(?:\b(?:in|on|during|at|of)\s+)?\uE000\s*,\s*/i, ' ')
    .replace(/(^["“‘]?|,\s*)(?:\b(?:in|on|during|at|of)\s+)?(?:the\s+)?\uE000\s*,?\s*/i, '$1')
    .replace(/\s*,?\s*(?:\b(?:in|on|during|at|of)\s+)?\uE000(?:\s*,(?=\s+[a-z]))?/i, '')
    .replace(/(?:\b(?:in|on|during|at|of|for|by|until|till|since|from|to)\s+)?\uE001/gi, '');
}

/** "he was sentenced" → "Bout sentenced": the sentence's subject when it is a name, else a name before, else in the previous sentence. */
function resolvePronoun(text: string, before: string[], previous?: string): string {
  const body = text.replace(/^(?:subsequently|however|also|but|and|then|meanwhile|although|though|in addition|moreover|later|earlier|following [^,]+)\b,?\s*/i, '');
  const pronoun = /^(he|she|his|her)\b/i.exec(body);
  if (!pronoun) return body;
  const name = antecedent(before, previous);
  if (!name) return body;
  return (/^(his|her)$/i.test(pronoun[1]!) ? `${name}’s` : name) + body.slice(pronoun[1]!.length);
}

/** Headline style: "Bout was arrested" → "Bout arrested"; "who was freed" → "freed". */
function headline(text: string): string {
  return text
    .replace(new RegExp(String.raw`\b(?:then\s+)?(?:was|were|has been|have been|had been|is being|being)\s+(?:then\s+)?(${PARTICIPLE})\b`), '$1')
    .replace(/^(\S+(?:\s\S+){0,3})\s+(?:who|which)\s+/, '$1 ');
}

/** "“For sure, ...,” Lavrov said" → "Lavrov said: “For sure, ...”". */
function attribution(text: string): string {
  const match = /^[“"]?(.+?)[,.!?]?[”"],?\s+([A-Z][^“”"]{1,50}?)\s+(said|says|told \w+|added|stressed|recalled|explained|wrote|continued|continues|quoted|noted|stated)\b(.*?)[.!?]?$/.exec(text);
  if (!match || /[“”"]/.test(match[4]!)) return text;
  return `${match[2]} ${match[3]}${match[4]}: “${match[1]}”`;
}

function tidy(text: string): string {
  let out = text
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/([“‘(])\s+/g, '$1')
    .replace(/,\s*,/g, ',')
    .replace(/^[\s,;:–—-]+|[\s,;:–—.-]+$/g, '');
  for (const [open, close] of [['“', '”'], ['(', ')']] as const) {
    if (out.split(open).length !== out.split(close).length) out = out.replaceAll(open, '').replaceAll(close, '');
  }
  if (out.split('"').length % 2 === 0) out = out.replaceAll('"', '');
  // "Russian arms dealer, Viktor Bout urged ..." → "Viktor Bout urged ...".
  out = out.replace(/^[A-Z]?[a-z]+(?:\s+[a-z]+){1,4},\s+(?=[A-Z][\p{L}]+\s+[A-Z])/u, '');
  if (out.length > MAX_SUMMARY) {
    const cut = out.slice(0, MAX_SUMMARY);
    // Cut at a comma once the clause has said what happened; else at a word, marked as cut.
    const comma = cut.lastIndexOf(',');
    const head = cut.slice(0, Math.max(comma, 0));
    const quoted = head.split('“').length !== head.split('”').length;
    out = comma >= 20 && !quoted && /\b(\w+ed|was|were|is|are|has|had|said|says)\b/.test(head) ? head : `${cut.slice(0, cut.lastIndexOf(' '))}…`;
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}
