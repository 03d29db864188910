import type { Sentence } from '../corpus/types.ts';

// Sentences this short are header fields (a byline, an outlet, a date line), not the text that makes two articles the same.
const PROSE_WORDS = 8;
// "Same text": nearly every prose sentence of the new article is already in one article. Not all of them, because a
// second copy of a story often differs by a caption, a correction or a sign-off line; high enough that an article
// quoting a few paragraphs of another is not refused.
const SAME_TEXT_SHARE = 0.9;

/** The article (by source) that already holds the text of `sentences`, if any. */
export function findDuplicate(sentences: Sentence[], existing: Iterable<{ source: string; sentences: Sentence[] }>): string | undefined {
  const wanted = new Set(prose(sentences));
  if (wanted.size === 0) return undefined;
  for (const article of existing) {
    let shared = 0;
    for (const key of new Set(prose(article.sentences))) if (wanted.has(key)) shared++;
    if (shared / wanted.size >= SAME_TEXT_SHARE) return article.source;
  }
  return undefined;
}

function prose(sentences: Sentence[]): string[] {
  return sentences
    .map((sentence) => sentence.text.toLowerCase().replace(/[‘’`´]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim())
    .filter((text) => text.split(' ').length >= PROSE_WORDS);
}
