import { UserError } from '../errors.ts';

/** The kinds of article file accepted. */
export type ArticleFileKind = 'text' | 'markdown' | 'html' | 'pdf';

const KINDS: Record<string, ArticleFileKind> = { txt: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html', pdf: 'pdf' };

/** The kind of an article file by its name. @throws UserError for any other type, saying which are accepted. */
export function fileKind(name: string): ArticleFileKind {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const kind = KINDS[extension];
  if (kind) return kind;
  const why = extension ? `.${extension} files are not articles` : 'it has no file extension';
  throw new UserError(`${name} was refused: ${why}. Attach a .txt, .md, .html or .pdf file.`, 'FILE_TYPE');
}

/** @throws UserError naming `name` when the file is empty or larger than `maxBytes` (any kind, PDF included). */
export function checkSize(name: string, bytes: Buffer, maxBytes: number): void {
  if (bytes.length > maxBytes)
    throw new UserError(
      `${name} was refused: it is ${bytes.length} bytes, over the ${maxBytes}-byte limit (MAX_FILE_BYTES).`,
      'FILE_TOO_LARGE',
    );
  if (bytes.length === 0) throw new UserError(`${name} was refused: the file is empty.`, 'FILE_EMPTY');
}

/** Bytes as UTF-8 text. @throws UserError naming `name` when they are empty, too many, binary or not UTF-8. */
export function decodeText(name: string, bytes: Buffer, maxBytes: number): string {
  checkSize(name, bytes, maxBytes);
  // A NUL byte never occurs in text: it marks an image, archive, PDF or office document renamed to .txt.
  if (bytes.subarray(0, 8000).includes(0)) throw new UserError(`${name} was refused: it is a binary file, not text.`, 'FILE_BINARY');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new UserError(`${name} was refused: it is not UTF-8 text (save it as UTF-8).`, 'FILE_ENCODING');
  }
  if (text.trim() === '') throw new UserError(`${name} was refused: the file holds only white space.`, 'FILE_EMPTY');
  return text;
}
