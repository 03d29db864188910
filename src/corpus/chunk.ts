import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { originalSpan } from './mapped-text.ts';
import type { Article, Chunk } from './types.ts';

/** Chunking parameters; part of the index manifest, since changing them changes every chunk. */
export interface ChunkingOptions {
  size: number;
  overlap: number;
}

// Paragraphs first, then lines, then sentence ends, so chunks (and their overlaps) start on a boundary.
const SEPARATORS = ['\n\n', '\n', '. ', '? ', '! ', '; ', ', ', ' ', ''];

/** Splits an article's clean text into overlapping chunks that keep their offsets into the original file. */
export async function chunkArticle(article: Article, options: ChunkingOptions): Promise<Chunk[]> {
  const splitter = new RecursiveCharacterTextSplitter({
    chunkSize: options.size,
    chunkOverlap: options.overlap,
    separators: SEPARATORS,
    keepSeparator: true,
  });
  const pieces = await splitter.splitText(article.clean);
  const chunks: Chunk[] = [];
  let searchFrom = 0;
  for (const piece of pieces) {
    const text = piece.trim();
    if (!text) continue;
    const at = article.clean.indexOf(text, searchFrom);
    const start = at >= 0 ? at : article.clean.indexOf(text);
    if (start < 0) continue;
    searchFrom = start + 1;
    const ordinal = chunks.length;
    chunks.push({ id: `${article.source}#${ordinal}`, source: article.source, ordinal, text, ...originalSpan(article.offsets, start, start + text.length) });
  }
  return chunks;
}
