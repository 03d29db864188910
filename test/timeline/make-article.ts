import type { Article, Sentence } from '../../src/corpus/types.ts';

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
