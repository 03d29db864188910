import type { AnswerArticle } from './sources.ts';
import type { Citation } from './types.ts';

const MAX_QUOTE_CHARS = 300;

/** A verbatim quote of original[start, end), shortened at a word boundary when long (still verbatim). */
export function quoteOf(article: AnswerArticle, start: number, end: number, maxChars = MAX_QUOTE_CHARS): string {
  const quote = article.text.slice(start, end).trim();
  if (quote.length <= maxChars) return quote;
  const cut = quote.slice(0, maxChars);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), maxChars / 2)).trimEnd();
}

/** A numbered citation of a passage of an article. */
export function citationFor(n: number, article: AnswerArticle, start: number, end: number): Citation {
  return { n, source: article.source, title: article.meta.title, date: article.meta.date, quote: quoteOf(article, start, end) };
}

/** The [n] markers used in a text. */
export function citedNumbers(text: string): number[] {
  return [...text.matchAll(/\[(\d{1,2})\]/g)].map((match) => Number(match[1]));
}

const MARKER = /\[\d{1,2}\]/;
const LEADING_MARKERS = /^(?:\s*\[\d{1,2}\])+/;

/**
 * The first sentence of a text that carries no [n] marker, or undefined when every one does. A marker written
 * after the full stop ("… plane. [1] Next …") belongs to the sentence before it.
 */
export function uncitedSentence(text: string): string | undefined {
  const segments = [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)]
    .map(({ segment }) => segment.trim())
    .filter(Boolean);
  for (const [i, segment] of segments.entries()) {
    const own = segment.replace(LEADING_MARKERS, '').trim();
    if (own === '') continue;
    const trailing = segments[i + 1]?.match(LEADING_MARKERS)?.[0] ?? '';
    if (!MARKER.test(own) && !MARKER.test(trailing)) return own;
  }
  return undefined;
}
