// An article's text and metadata from a PDF, read with Mozilla's pdf.js (pdfjs-dist): the maintained parser
// browsers use, run here without a canvas since only the text layer is read.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ArticleMeta } from '../corpus/types.ts';
import { UserError } from '../errors.ts';

/** What a PDF holds for the corpus: its metadata (when the file records any) and its paragraphs in reading order. */
export interface PdfArticle {
  meta: ArticleMeta;
  paragraphs: string[];
}

/** The fields of pdf.js's text items that reading order needs. */
interface TextPiece {
  str: string;
  hasEOL: boolean;
  height: number;
  transform: number[];
}

interface Line {
  text: string;
  /** Baseline height on the page (PDF y grows upwards). */
  y: number;
  size: number;
}

// A paragraph break shows as a gap between baselines larger than ordinary line spacing, which typesetting keeps
// near 1.2 times the font size; half as much again separates paragraphs and headings in every common layout.
const PARAGRAPH_GAP = 1.5;

const fontData = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** @throws UserError when the bytes are not a readable PDF or it has no text layer (a scan). */
export async function readPdfArticle(name: string, bytes: Buffer): Promise<PdfArticle> {
  const { getDocument, PDFDateString, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let document;
  try {
    document = await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      standardFontDataUrl: fontData,
      verbosity: VerbosityLevel.ERRORS,
    }).promise;
  } catch (error) {
    throw new UserError(
      `${name} was refused: it is not a readable PDF (${error instanceof Error ? error.message : String(error)}).`,
      'FILE_PDF',
    );
  }
  try {
    const paragraphs: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const pieces = content.items.flatMap((item): TextPiece[] => ('str' in item ? [item] : []));
      paragraphs.push(...paragraphsOf(linesOf(pieces)));
    }
    const info = ((await document.getMetadata()).info ?? {}) as Record<string, unknown>;
    const text = (key: string) => (typeof info[key] === 'string' && info[key].trim() ? info[key].trim() : undefined);
    const created = text('CreationDate') ? PDFDateString.toDateObject(text('CreationDate')!) : null;
    const meta: ArticleMeta = {
      ...(text('Title') && { title: text('Title') }),
      ...(text('Author') && { author: text('Author') }),
      ...(created && { date: created.toISOString().slice(0, 10) }),
    };
    // The title is written as the file's heading: the same line at the top of the page would repeat it.
    if (meta.title && paragraphs[0]?.replace(/\s+/g, ' ') === meta.title.replace(/\s+/g, ' ')) paragraphs.shift();
    if (paragraphs.length === 0)
      throw new UserError(`${name} was refused: the PDF has no text layer (a scanned image?); save the article as text.`, 'NO_ARTICLE');
    return { meta, paragraphs };
  } finally {
    await document.destroy();
  }
}

/** Text items joined into lines: pdf.js marks the item that ends a line. */
function linesOf(items: TextPiece[]): Line[] {
  const lines: Line[] = [];
  let parts: TextPiece[] = [];
  const flush = () => {
    const text = parts
      .map((part) => part.str)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    const first = parts.find((part) => part.str.trim());
    if (text && first) lines.push({ text, y: first.transform[5]!, size: Math.max(...parts.map((part) => part.height)) });
    parts = [];
  };
  for (const item of items) {
    parts.push(item);
    if (item.hasEOL) flush();
  }
  flush();
  return lines;
}

/** Lines grouped into paragraphs by the gaps between them and by changes of font size (a heading). */
function paragraphsOf(lines: Line[]): string[] {
  const paragraphs: string[] = [];
  let current = '';
  lines.forEach((line, i) => {
    const before = lines[i - 1];
    const breaks =
      !before ||
      before.y - line.y > PARAGRAPH_GAP * Math.max(before.size, line.size) ||
      before.y < line.y ||
      Math.abs(before.size - line.size) > 0.5;
    if (breaks && current) {
      paragraphs.push(current);
      current = '';
    }
    // A line ending in a hyphen continues the word on the next line; the hyphen stays, since it may be a compound's.
    current = !current ? line.text : current.endsWith('-') ? `${current}${line.text}` : `${current} ${line.text}`;
  });
  if (current) paragraphs.push(current);
  return paragraphs;
}
