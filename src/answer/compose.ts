import type { RankedChunk } from '../retrieve/hybrid.ts';
import type { SentenceStore, StoredSentence } from './sources.ts';
import { citationFor } from './citations.ts';
import type { QuestionAnalysis } from './question.ts';
import type { Answer, Citation } from './types.ts';

/** A date the timeline resolved for a passage ("Wednesday" in an article of 2012-04-08 → April 11, 2012). */
export type DateLookup = (
  source: string,
  start: number,
  end: number,
  questionTerms: string[],
) => { date: string; precision: 'day' | 'month' | 'year' } | undefined;

/** A sentence of an answer, with the sentence before when it is quoted too. */
export interface Evidence {
  sentence: StoredSentence;
  lead?: StoredSentence;
}

/** Writes the extractive answer: each evidence sentence with its [n], and a source list with verbatim quotes. */
export function composeExtractive(
  store: SentenceStore,
  question: QuestionAnalysis,
  evidence: Evidence[],
  lookupDate: DateLookup,
): Pick<Answer, 'answer' | 'citations'> {
  const citations: Citation[] = [];
  const parts = evidence.map(({ sentence, lead }) => {
    const article = store.article(sentence.source)!;
    const start = lead?.start ?? sentence.start;
    let citation = citations.find((c) => c.source === sentence.source && c.quote === article.text.slice(start, sentence.end).trim());
    if (!citation) {
      citation = citationFor(citations.length + 1, article, start, sentence.end);
      citations.push(citation);
    }
    return `${lead ? `${lead.text} ` : ''}${sentence.text} [${citation.n}]`;
  });
  const lead = question.type === 'date' ? resolvedDateLead(evidence, lookupDate, question.terms) : undefined;
  // Answers that gather one passage per article read best as a list.
  const body =
    question.survey && parts.length > 1 ? `What each article reports:\n${parts.map((part) => `• ${part}`).join('\n')}` : parts.join(' ');
  return { answer: lead ? `${lead}. ${body}` : body, citations };
}

/** "April 11, 2012" when the first evidence sentence has a date the timeline resolved from a relative one. */
function resolvedDateLead(evidence: Evidence[], lookupDate: DateLookup, questionTerms: string[]): string | undefined {
  const first = evidence[0];
  if (!first) return undefined;
  const { source, end } = first.sentence;
  const resolved = lookupDate(source, first.lead?.start ?? first.sentence.start, end, questionTerms);
  if (!resolved) return undefined;
  const [year, month, day] = resolved.date.split('-').map(Number);
  const monthName = month ? new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' }) : '';
  const written =
    resolved.precision === 'day' && day
      ? `${monthName} ${day}, ${year}`
      : resolved.precision === 'month' && month
        ? `${monthName} ${year}`
        : String(year);
  // A date the passage already writes out ("In April 2012, he was sentenced") needs no lead to repeat it.
  const passage = `${first.lead ? `${first.lead.text} ` : ''}${first.sentence.text}`;
  return passage.includes(written) || (day !== undefined && passage.includes(`${day} ${monthName} ${year}`)) ? undefined : written;
}

/** The articles nearest to a question, for an abstention. */
export function nearestArticles(store: SentenceStore, retrieved: RankedChunk[], limit = 3): NonNullable<Answer['nearest']> {
  const sources = [...new Set(retrieved.map((hit) => hit.chunk.source))].slice(0, limit);
  return sources.map((source) => {
    const meta = store.article(source)?.meta ?? {};
    return { source, title: meta.title, date: meta.date };
  });
}

/** The abstention text: says the articles don't cover it, and why, without guessing. */
export function abstentionText(reason: string): string {
  return `The articles don't say — ${reason}. The closest articles are listed below if you want to check them yourself.`;
}
