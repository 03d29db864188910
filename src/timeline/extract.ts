import type { Article } from '../corpus/types.ts';
import { addMonths, dayNumber, formatDate, parseDate, type Precision } from './calendar.ts';
import { findDateline, isWireDateline } from './dateline.ts';
import { Entities } from './entities.ts';
import { markBackground, mergeEvents } from './merge.ts';
import { analyse } from './nlp.ts';
import { pinUndated, type Pending } from './pin.ts';
import { findDateMentions, type DateMention } from './resolve-date.ts';
import { sentenceEvent, type SentenceEvent } from './sentence-event.ts';
import { Similarity } from './similarity.ts';
import { summarize } from './summarize.ts';
import { inferYear } from './year.ts';
import type { TimelineEvent } from './types.ts';

// "that month" points back at most this many sentences.
const ANAPHORA_REACH = 3;
// An age ("at 27", "aged 18") is a point in time that is not a date.
const AGE = /\b(?:at|aged)\s+\d{1,3}\b/i;
// A dateline is among the first lines of an article (after a title and a standfirst).
const DATELINE_SENTENCES = 5;

/** The case's timeline: every dated event of the articles, with reports of one happening merged. */
export function extractEvents(articles: Article[]): TimelineEvent[] {
  return markBackground(mergeEvents(extractSentenceEvents(articles)));
}

/** What extraction needs across articles: who the people are. */
export interface ExtractContext {
  entities: Entities;
}

/**
 * One event per date expression of every sentence that states or implies a date, resolved against its
 * article's date. An article whose dateline has no year takes it from the other articles when they date the
 * same events; an article with no date at all is placed by the events it shares with dated ones.
 */
export function extractSentenceEvents(articles: Article[]): SentenceEvent[] {
  const context: ExtractContext = { entities: new Entities(articles.flatMap((article) => article.sentences.map((sentence) => sentence.text))) };
  const datelines = new Map(articles.map((article) => [article, findDateline(article)]));
  const dated = articles.filter((article) => !datelines.get(article)!.monthDay).map((article) => readArticle(article, datelines.get(article)!.date, context));
  const events = dated.flatMap((read) => read.events);
  for (const article of articles.filter((candidate) => datelines.get(candidate)!.monthDay)) {
    const { monthDay } = datelines.get(article)!;
    const year = inferYear(article, monthDay!, events, (reference) => readArticle(article, reference, context).events);
    const reference = formatDate(dayNumber(year.year, monthDay!.month, monthDay!.day), 'day');
    const read = readArticle(article, reference, context);
    for (const event of read.events) {
      if (!event.reference) continue;
      event.resolution = [event.resolution, year.note].filter(Boolean).join('; ');
      if (year.approximate) event.approximate = true;
    }
    events.push(...read.events);
  }
  const pending = dated.flatMap((read) => read.pending);
  const similarity = new Similarity([...events, ...pending.map((item) => item.text)]);
  return [...events, ...pinUndated(pending, events, similarity, context.entities)];
}

/** The events one article states, given the date it was written (when known); relative dates it cannot resolve are pending. */
export function readArticle(article: Article, reference: string | undefined, context: ExtractContext): { events: SentenceEvent[]; pending: Pending[] } {
  const events: SentenceEvent[] = [];
  const pending: Pending[] = [];
  let last: { date: string; precision: Precision; sentence: number } | undefined;
  // A dateline standing alone ("MOSCOW, November 22.") dates the report that follows it.
  let dateline: { mention: DateMention; start: number } | undefined;
  article.sentences.forEach((sentence, index) => {
    const found = findDateMentions(sentence.text, reference);
    // The report after a dateline is dated by it: its main verb stands in for the date's place in the sentence.
    const verb = analyse(sentence.text).terms.find((term) => term.tags.has('Verb') && !term.tags.has('Auxiliary') && !inRelativeClause(sentence.text, term.start));
    const carried = found.length === 0 && dateline && verb ? dateline : undefined;
    const mentions = carried && verb ? [{ ...carried.mention, index: verb.start, end: verb.start }] : found;
    dateline = undefined;
    for (const mention of mentions) {
      const others = mentions.filter((other) => other !== mention);
      // "he" is the last person named before the clause, else the first named in the sentences just before.
      const previous = article.sentences.slice(Math.max(0, index - ANAPHORA_REACH), index).reverse();
      const earlier = () => previous.map((before) => context.entities.people(before.text)[0]).find(Boolean);
      const antecedent = (offset: number) => (context.entities.people(sentence.text, 0, offset).at(-1) ?? earlier())?.split(' ').pop();
      const text = summarize(sentence.text, mention, others, antecedent);
      if (!hasEvent(sentence.text, text)) {
        if (index < DATELINE_SENTENCES && mention.date === reference && isWireDateline(sentence.text)) dateline = { mention, start: sentence.start };
        continue;
      }
      // "at 27 ... the following year" counts from an age, not from the last date named.
      const age = mention.anaphora && AGE.test(sentence.text.slice(0, mention.index));
      const before = last && index - last.sentence <= ANAPHORA_REACH && !age ? last : undefined;
      const resolved = mention.anaphora ? fromAntecedent(mention, before) : mention.date ? mention : undefined;
      if (!resolved?.date || !resolved.precision) {
        if (mention.relative && !mention.anaphora) pending.push({ article, sentence, mention, text });
        continue;
      }
      const resolution = resolved.note ? `${article.source}: ${resolved.note}` : undefined;
      // The quote of a report dated by its dateline starts at the dateline, so that it states the date.
      const quoted = carried ? { ...sentence, start: carried.start } : sentence;
      events.push(sentenceEvent(article, quoted, mention, text, context.entities, { date: resolved.date, precision: resolved.precision, resolution, reference }));
      last = { date: resolved.date, precision: resolved.precision, sentence: index };
    }
  });
  return { events, pending };
}

/** True when the word at `index` is in a relative clause (", who is serving ..."): not the sentence's main verb. */
function inRelativeClause(sentence: string, index: number): boolean {
  const clause = sentence.slice(sentence.lastIndexOf(',', index) + 1, index).trim();
  return /^(who|which|whose|that)\b/i.test(clause);
}

/** "that month" → the month of the date named just before; "June that year" → June of that date's year. */
function fromAntecedent(mention: DateMention, antecedent: { date: string; precision: Precision } | undefined) {
  if (!antecedent) return undefined;
  const { unit, shift, month } = mention.anaphora!;
  const note = `“${mention.text}” refers back to ${antecedent.date}, named just before`;
  const year = Number(antecedent.date.slice(0, 4));
  if (month !== undefined) return { date: formatDate(dayNumber(year + shift, month, 1), 'month'), precision: 'month' as const, note };
  const order: Precision[] = ['year', 'month', 'day'];
  const wanted = unit ?? antecedent.precision;
  const precision = order[Math.min(order.indexOf(wanted), order.indexOf(antecedent.precision))]!;
  if (shift !== 0 && precision !== wanted) return undefined;
  const first = parseDate(antecedent.date)!.first;
  const day = shift === 0 ? first : wanted === 'day' ? first + shift : wanted === 'month' ? addMonths(first, shift) : dayNumber(year + shift, 1, 1);
  return { date: formatDate(day, precision), precision, note };
}

/** An event needs a verb in its sentence and a summary of two words or more ("By Staff Reporter | June 17, 2016" has none). */
function hasEvent(sentence: string, text: { start: number; end: number; summary: string }): boolean {
  const verb = analyse(sentence).terms.some((term) => term.tags.has('Verb'));
  return verb && text.summary.split(/\s+/).length >= 2 && /\b[a-z]{3,}\b/.test(text.summary);
}
