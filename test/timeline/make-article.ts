import type { Article, Sentence } from '../../src/corpus/types.ts';
import type { Entities } from '../../src/timeline/entities.ts';
import type { DateMention } from '../../src/timeline/resolve-date.ts';
import { clauseVerbs } from '../../src/timeline/similarity.ts';
import { summarize } from '../../src/timeline/summarize.ts';

/** A hand-made article: paragraphs split on blank lines, sentences on end punctuation, clean text = original text. */
export function makeArticle(source: string, text: string, date?: string): Article {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  for (const block of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]+)*/g)) {
    for (const match of block[0].matchAll(/[^.!?]+(?:[.!?]+[”"’]?|$)/g)) {
      const lead = match[0].length - match[0].trimStart().length;
      const body = match[0].trim();
      if (!body) continue;
      const start = block.index + match.index + lead;
      sentences.push({ text: body, start, end: start + body.length, paragraph });
    }
    paragraph++;
  }
  return {
    source,
    text,
    hash: source,
    meta: date ? { date } : {},
    clean: text,
    offsets: [...text].map((_, i) => i),
    sentences,
  };
}

/** Where a sentence states an event, as extraction records it. */
export const statedIn = (article: Article, sentence: Sentence, entities: Entities) => ({
  source: article.source,
  sentence,
  quote: article.text.slice(sentence.start, sentence.end),
  people: entities.people(sentence.text),
  places: entities.places(sentence.text),
});

/** A clause's summary with its main verbs, as extraction keeps it. */
export const textOf = (sentence: string, mention: DateMention) => {
  const text = summarize(sentence, mention, []);
  return { ...text, verbs: clauseVerbs(text.clause) };
};
