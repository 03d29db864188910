import type { Article } from '../corpus/types.ts';
import { addMonths, dayNumber, formatDate, parseDate, type Precision } from './calendar.ts';
import { mergeEvents } from './merge.ts';
import { pinUndated, type Pending } from './pin.ts';
import { findDateMentions, type DateMention } from './resolve-date.ts';
import { sentenceEvent, type SentenceEvent } from './sentence-event.ts';
import { Similarity } from './similarity.ts';
import { summarize } from './summarize.ts';
import type { TimelineEvent } from './types.ts';

// "that month" points back at most this many sentences.
const ANAPHORA_REACH = 3;

/** The case's timeline: every dated event of the articles, with reports of one happening merged. */
export function extractEvents(articles: Article[]): TimelineEvent[] {
  return mergeEvents(extractSentenceEvents(articles));
}

/**
 * One event per date expression of every sentence that states or implies a date, resolved against its
 * article's publication date; in an undated article, relative dates are kept only where another article pins them.
 */
export function extractSentenceEvents(articles: Article[]): SentenceEvent[] {
  return sentenceEventsOf(articles.map(readArticle));
}

/** The sentence events of articles read one by one (`readArticle`), undated ones pinned across articles. */
export function sentenceEventsOf(read: { events: SentenceEvent[]; pending: Pending[] }[]): SentenceEvent[] {
  const events = read.flatMap((article) => article.events);
  const pending = read.flatMap((article) => article.pending);
  const similarity = new Similarity([...events, ...pending.map((item) => item.text)]);
  return [...events, ...pinUndated(pending, events, similarity)];
}

/** What one article states on its own: its dated events, and relative dates it cannot resolve alone. */
export function readArticle(article: Article): { events: SentenceEvent[]; pending: Pending[] } {
  const events: SentenceEvent[] = [];
  const pending: Pending[] = [];
  let last: { date: string; precision: Precision; sentence: number } | undefined;
  article.sentences.forEach((sentence, index) => {
    const mentions = findDateMentions(sentence.text, article.meta.date);
    for (const mention of mentions) {
      const others = mentions.filter((other) => other !== mention);
      const text = summarize(sentence.text, mention, others, article.sentences[index - 1]?.text);
      if (!hasContent(text.summary)) continue;
      const antecedent = last && index - last.sentence <= ANAPHORA_REACH ? last : undefined;
      const dated = mention.anaphora ? fromAntecedent(mention, antecedent) : mention.date ? mention : undefined;
      if (!dated?.date || !dated.precision) {
        if (mention.relative && !mention.anaphora) pending.push({ article, sentence, mention, text });
        continue;
      }
      const resolution = dated.note ? `${article.source}: ${dated.note}` : undefined;
      events.push(sentenceEvent(article, sentence, mention, text, { date: dated.date, precision: dated.precision, resolution }));
      last = { date: dated.date, precision: dated.precision, sentence: index };
    }
  });
  return { events, pending };
}

/** "that month" → the month of the date named just before, at no finer precision than both allow. */
function fromAntecedent(mention: DateMention, antecedent: { date: string; precision: Precision } | undefined) {
  if (!antecedent) return undefined;
  const order: Precision[] = ['year', 'month', 'day'];
  const unit = mention.anaphora!.unit ?? antecedent.precision;
  const precision = order[Math.min(order.indexOf(unit), order.indexOf(antecedent.precision))]!;
  const first = parseDate(antecedent.date)!.first;
  const shift = mention.anaphora!.shift;
  const day = shift === 0 || precision !== unit ? first : unit === 'day' ? first + shift : unit === 'month' ? addMonths(first, shift) : dayNumber(Number(antecedent.date.slice(0, 4)) + shift, 1, 1);
  if (shift !== 0 && precision !== unit) return undefined;
  const date = formatDate(day, precision);
  return { date, precision, note: `“${mention.text}” refers back to ${antecedent.date}, named just before` };
}

/** A summary worth an event has two words, one of them an ordinary word ("MOSCOW, /TASS/" and a bare dateline do not). */
function hasContent(summary: string): boolean {
  return summary.split(/\s+/).length >= 2 && /\b[a-z]{3,}\b/.test(summary);
}
