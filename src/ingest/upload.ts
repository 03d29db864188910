import { UserError } from '../errors.ts';

/** The kinds of article file accepted. */
export type ArticleFileKind = 'text' | 'markdown' | 'html';

const KINDS: Record<string, ArticleFileKind> = { txt: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html' };

/** The kind of an article file by its name. @throws UserError for any other type, saying which are accepted. */
export function fileKind(name: string): ArticleFileKind {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const kind = KINDS[extension];
  if (kind) return kind;
  const why = extension === 'pdf' ? 'PDF is not read (save the article as .txt, .md or .html)' : extension ? `.${extension} files are not articles` : 'it has no file extension';
  throw new UserError(`${name} was refused: ${why}. Attach a .txt, .md or .html file.`, 'FILE_TYPE');
}

/**
 * An uploaded article file's text. @throws UserError, changing nothing, when it is empty, larger than `maxBytes`,
 * binary, not UTF-8 or of a type that is not an article.
 */
export function decodeArticleFile(name: string, bytes: Buffer, maxBytes: number): { kind: ArticleFileKind; text: string } {
  return { kind: fileKind(name), text: decodeText(name, bytes, maxBytes) };
}

/** Bytes as UTF-8 text. @throws UserError naming `name` when they are empty, too many, binary or not UTF-8. */
export function decodeText(name: string, bytes: Buffer, maxBytes: number): string {
  if (bytes.length > maxBytes) throw new UserError(`${name} was refused: it is ${bytes.length} bytes, over the ${maxBytes}-byte limit (MAX_FILE_BYTES).`, 'FILE_TOO_LARGE');
  if (bytes.length === 0) throw new UserError(`${name} was refused: the file is empty.`, 'FILE_EMPTY');
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
