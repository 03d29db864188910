import { formatDate, dayNumber, type Precision } from './calendar.ts';
import { fromAntecedent } from './anaphora.ts';
import type { ArticleTimeline } from './article-timeline.ts';
import { datelineLength, findDateline, isWireDateline } from './dateline.ts';
import { Entities } from './entities.ts';
import { analyse } from './nlp.ts';
import type { Pending } from './pin.ts';
import { findDateMentions, type DateMention } from './resolve-date.ts';
import { sentenceEvent, type Redate, type SentenceEvent, type TimelineArticle } from './sentence-event.ts';
import { clauseVerbs, profileWords } from './similarity.ts';
import { summarize } from './summarize.ts';

// "that month" points back at most this many sentences.
const ANAPHORA_REACH = 3;
// An age ("at 27", "aged 18") is a point in time that is not a date.
const AGE = /\b(?:at|aged)\s+\d{1,3}\b/i;
// A dateline is among the first lines of an article (after a title and a standfirst).
const DATELINE_SENTENCES = 5;
// A yearless dateline's events are read once against this year and dated again once the year is known; a leap
// year, so that a "February 29" dateline reads as written.
const PROVISIONAL_YEAR = 2000;

/**
 * What one article states, read from that article alone: its dated events, the relative dates it could not
 * resolve (it states no date of writing), and for a dateline without a year, events to be dated again once
 * assembly infers the year from the other articles.
 */
export function extractArticle(article: TimelineArticle): ArticleTimeline {
  const entities = new Entities(article.sentences.map((sentence) => sentence.text));
  const { date, monthDay } = findDateline(article);
  const reference = monthDay ? formatDate(dayNumber(PROVISIONAL_YEAR, monthDay.month, monthDay.day), 'day') : date;
  const read = readArticle(article, reference, entities);
  return {
    source: article.source,
    checksum: article.hash,
    ...(monthDay ? { monthDay } : {}),
    events: read.events,
    pending: monthDay ? [] : read.pending,
    names: Object.fromEntries(entities.fullNames()),
  };
}

/** The events one article states, given the date it was written (when known); relative dates it cannot resolve are pending. */
function readArticle(
  article: TimelineArticle,
  reference: string | undefined,
  entities: Entities,
): { events: SentenceEvent[]; pending: Pending[] } {
  const events: SentenceEvent[] = [];
  const pending: Pending[] = [];
  let last: { id: string; date: string; precision: Precision; sentence: number } | undefined;
  // A dateline standing alone ("MOSCOW, November 22.") dates the report that follows it.
  let dateline: { mention: DateMention; start: number } | undefined;
  article.sentences.forEach((sentence, index) => {
    const found = findDateMentions(sentence.text, reference);
    // The report after a dateline is dated by it: its main verb stands in for the date's place in the sentence.
    const verb = analyse(sentence.text).terms.find(
      (term) => term.tags.has('Verb') && !term.tags.has('Auxiliary') && !inRelativeClause(sentence.text, term.start),
    );
    const carried = found.length === 0 && dateline && verb ? dateline : undefined;
    const mentions = carried && verb ? [{ ...carried.mention, index: verb.start, end: verb.start }] : found;
    dateline = undefined;
    const datelineEnd = index < DATELINE_SENTENCES ? datelineLength(sentence.text) : 0;
    for (const mention of mentions) {
      const others = mentions.filter((other) => other !== mention);
      // A dateline opening a sentence that dates its report itself ("..., the coast guard said on Tuesday") is
      // when the article was written, not an event of its own.
      if (mention.end <= datelineEnd && others.some((other) => other.index >= datelineEnd)) continue;
      // "he" is the last person named before the clause, else the first named in the sentences just before.
      const previous = article.sentences.slice(Math.max(0, index - ANAPHORA_REACH), index).reverse();
      const earlier = () => previous.map((before) => entities.people(before.text)[0]).find(Boolean);
      const antecedent = (offset: number) => (entities.people(sentence.text, 0, offset).at(-1) ?? earlier())?.split(' ').pop();
      const summarized = summarize(sentence.text, mention, others, antecedent);
      if (!hasEvent(sentence.text, summarized)) {
        if (index < DATELINE_SENTENCES && mention.date === reference && isWireDateline(sentence.text))
          dateline = { mention, start: sentence.start };
        continue;
      }
      const text = {
        ...summarized,
        verbs: clauseVerbs(summarized.clause, { sentence: sentence.text, start: summarized.start, end: summarized.end }),
        // Read once here, so that no assembly parses a stored article's clauses again.
        ...profileWords(summarized.clause, summarized.summary),
      };
      // The quote of a report dated by its dateline starts at the dateline, so that it states the date.
      const quoted = carried ? { ...sentence, start: carried.start } : sentence;
      const stated = {
        source: article.source,
        sentence: quoted,
        quote: article.text.slice(quoted.start, quoted.end),
        people: entities.people(sentence.text, 0, sentence.text.length, true),
        places: entities.places(sentence.text),
      };
      // "at 27 ... the following year" counts from an age, not from the last date named.
      const age = mention.anaphora && AGE.test(sentence.text.slice(0, mention.index));
      const before = last && index - last.sentence <= ANAPHORA_REACH && !age ? last : undefined;
      const resolved = mention.anaphora ? fromAntecedent(mention, before) : mention.date ? mention : undefined;
      if (!resolved?.date || !resolved.precision) {
        if (mention.relative && !mention.anaphora) pending.push({ stated, mention, text });
        continue;
      }
      const redate: Redate | undefined = carried
        ? { via: 'dateline' }
        : mention.anaphora
          ? { via: 'antecedent', of: before!.id, anaphora: mention.anaphora, text: mention.text }
          : mention.relative
            ? { via: 'reference', sentence: sentence.text, index: mention.index }
            : undefined;
      const resolution = resolved.note ? `${article.source}: ${resolved.note}` : undefined;
      const event = sentenceEvent(stated, mention, text, {
        date: resolved.date,
        precision: resolved.precision,
        resolution,
        reference,
        redate,
      });
      events.push(event);
      last = { id: event.id, date: resolved.date, precision: resolved.precision, sentence: index };
    }
  });
  return { events, pending };
}

/** True when the word at `index` is in a relative clause (", who is serving ..."): not the sentence's main verb. */
function inRelativeClause(sentence: string, index: number): boolean {
  const clause = sentence.slice(sentence.lastIndexOf(',', index) + 1, index).trim();
  return /^(who|which|whose|that)\b/i.test(clause);
}

/** An event needs a verb in its sentence and a summary of two words or more ("By Staff Reporter | June 17, 2016" has none). */
function hasEvent(sentence: string, text: { start: number; end: number; summary: string }): boolean {
  const verb = analyse(sentence).terms.some((term) => term.tags.has('Verb'));
  // A pipe separates the fields of a header line; prose has none.
  return verb && text.summary.split(/\s+/).length >= 2 && /\b[a-z]{3,}\b/.test(text.summary) && !text.summary.includes('|');
}
