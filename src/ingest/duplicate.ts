import type { Sentence } from '../corpus/types.ts';

// Sentences this short are header fields (a byline, an outlet, a date line), not the text that makes two articles the same.
const PROSE_WORDS = 8;
// "Same text": nearly every prose sentence of the new article is already in one article. Not all of them, because a
// second copy of a story often differs by a caption, a correction or a sign-off line; high enough that an article
// quoting a few paragraphs of another is not refused.
const SAME_TEXT_SHARE = 0.9;

/**
 * The article (by source) that already holds the text of `sentences`, if any. `sharing` names, in file-name
 * order, the articles that hold any of the given prose keys and how many of them (an index lookup, so the check
 * costs the same whatever the corpus size).
 */
export function findDuplicate(
  sentences: Sentence[],
  sharing: (keys: string[]) => { source: string; shared: number }[],
): string | undefined {
  const wanted = proseKeys(sentences);
  if (wanted.length === 0) return undefined;
  return sharing(wanted).find(({ shared }) => shared / wanted.length >= SAME_TEXT_SHARE)?.source;
}

/** The distinct prose sentences of an article, normalised: what "the same text" compares. */
export function proseKeys(sentences: Sentence[]): string[] {
  return [...new Set(prose(sentences))];
}

function prose(sentences: Sentence[]): string[] {
  return sentences
    .map((sentence) =>
      sentence.text
        .toLowerCase()
        .replace(/[‘’`´]/g, "'")
        .replace(/[“”]/g, '"')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((text) => text.split(' ').length >= PROSE_WORDS);
}
