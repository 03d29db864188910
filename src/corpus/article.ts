import { createHash } from 'node:crypto';
import { appendCleanLine, isChromeLine, isDuplicatedTitle, splitLines } from './clean.ts';
import { MappedTextBuilder, originalSpan } from './mapped-text.ts';
import { extractMetadata } from './metadata.ts';
import { splitSentences } from './sentences.ts';
import type { Article, Sentence } from './types.ts';

/** Parses one file's text into an article: metadata, a cleaned copy mapped to the original, and sentences. */
export function parseArticle(source: string, text: string, hash = sha256(text)): Article {
  const lines = splitLines(text);
  const out = new MappedTextBuilder();
  let paragraphBreak = false;
  for (const [i, line] of lines.entries()) {
    const trimmed = line.text.trim();
    if (trimmed === '') {
      paragraphBreak = out.length > 0;
      continue;
    }
    const next = lines.slice(i + 1).find((candidate) => candidate.text.trim() !== '');
    if (isChromeLine(trimmed) || isDuplicatedTitle(trimmed, next?.text)) continue;
    if (out.length > 0) {
      out.trimEnd();
      out.push('\n', line.start - 1);
      if (paragraphBreak) out.push('\n', line.start - 1);
    }
    paragraphBreak = false;
    appendCleanLine(out, line);
  }
  out.trimEnd();
  const { text: clean, offsets } = out.build();
  return { source, text, hash, meta: extractMetadata(lines), clean, offsets, sentences: sentencesOf(clean, offsets) };
}

function sentencesOf(clean: string, offsets: number[]): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  for (const line of clean.split('\n')) {
    if (line === '') paragraph++;
    for (const range of splitSentences(line)) {
      const start = lineStart + range.start;
      const end = lineStart + range.end;
      sentences.push({ text: clean.slice(start, end), ...originalSpan(offsets, start, end), paragraph });
    }
    lineStart += line.length + 1;
  }
  return sentences;
}

/** Hex sha256 of a file's content. */
export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
