import { parseArticle, sha256 } from '../corpus/article.ts';
import type { Article, ArticleMeta } from '../corpus/types.ts';
import type { Config } from '../config.ts';
import { UserError } from '../errors.ts';
import { articleFileName, renderArticleFile } from './article-file.ts';
import { fetchUrl, type Fetched } from './fetch-url.ts';
import { extractHtmlArticle } from './html.ts';
import { readPdfArticle } from './pdf.ts';
import { checkSize, decodeText, fileKind, type ArticleFileKind } from './upload.ts';

/** An article to add: an uploaded file, or the address of a page. */
export type ArticleInput = { kind: 'file'; name: string; bytes: Buffer } | { kind: 'url'; url: string };

/** An article ready to be written to the corpus: the file's name and exact text, parsed as a reindex would. */
export interface PreparedArticle {
  source: string;
  content: string;
  /** sha256 of the file's bytes, as the index manifest records it. */
  hash: string;
  article: Article;
  /** Where it came from: the uploaded file's name or the fetched URL. */
  origin: string;
}

/** What a moderator checks before confirming. */
export interface ArticlePreview {
  source: string;
  meta: ArticleMeta;
  firstLines: string;
  chars: number;
  sentences: number;
}

export interface PrepareOptions {
  maxFileBytes: number;
  urlFetch: Config['urlFetch'];
  fetch?: typeof fetchUrl;
}

/**
 * Reads an uploaded file or fetches a page and turns it into the corpus file it would become, without writing
 * anything. @throws UserError for a refused file or URL, or one with no article text.
 */
export async function prepareArticle(input: ArticleInput, options: PrepareOptions): Promise<PreparedArticle> {
  if (input.kind === 'file') {
    const kind = fileKind(input.name);
    const fallbackName = input.name.replace(/\.[^.]+$/, '');
    // A PDF carries fonts and layout besides its text: its bytes are held to the cap of a fetched document, the
    // text it yields to MAX_FILE_BYTES like any article.
    if (kind === 'pdf') return fromPdf(input.name, input.bytes, options, fallbackName);
    return fromText(kind, decodeText(input.name, input.bytes, options.maxFileBytes), input.name, fallbackName, options.maxFileBytes);
  }
  const fetched: Fetched = await (options.fetch ?? fetchUrl)(input.url, options.urlFetch);
  const fallbackName =
    new URL(fetched.url).pathname
      .split('/')
      .filter(Boolean)
      .pop()
      ?.replace(/\.[^.]+$/, '') ?? 'article';
  if (fetched.contentType === 'application/pdf') return fromPdf(fetched.url, fetched.body, options, fallbackName, fetched.url);
  const kind: ArticleFileKind = fetched.contentType.includes('html')
    ? 'html'
    : fetched.contentType === 'text/markdown'
      ? 'markdown'
      : 'text';
  const text = decodeText(fetched.url, fetched.body, options.urlFetch.maxBytes);
  return fromText(kind, text, fetched.url, fallbackName, options.maxFileBytes, fetched.url);
}

/** A PDF's text layer becomes a Markdown corpus file with the PDF's metadata, as a web page's article does. */
async function fromPdf(
  origin: string,
  bytes: Buffer,
  options: PrepareOptions,
  fallbackName: string,
  url?: string,
): Promise<PreparedArticle> {
  checkSize(origin, bytes, options.urlFetch.maxBytes);
  const { meta, paragraphs } = await readPdfArticle(origin, bytes);
  return fromText(
    'markdown',
    renderArticleFile({ ...meta, ...(url && { url }) }, paragraphs),
    origin,
    fallbackName,
    options.maxFileBytes,
    url,
  );
}

function fromText(
  kind: ArticleFileKind,
  text: string,
  origin: string,
  fallbackName: string,
  maxFileBytes: number,
  url?: string,
): PreparedArticle {
  const content = kind === 'html' ? htmlToArticleFile(text, url) : text.endsWith('\n') ? text : `${text}\n`;
  const bytes = Buffer.from(content, 'utf8');
  if (bytes.length > maxFileBytes)
    throw new UserError(
      `The article from ${origin} is ${bytes.length} bytes of text, over the ${maxFileBytes}-byte limit (MAX_FILE_BYTES).`,
      'FILE_TOO_LARGE',
    );
  const hash = sha256(bytes);
  const provisional = parseArticle('article', content, hash);
  if (provisional.sentences.length === 0)
    throw new UserError(`The article from ${origin} was refused: no article text is left once page furniture is removed.`, 'NO_ARTICLE');
  const source = articleFileName(provisional.meta.title ?? fallbackName, hash, kind === 'text' ? 'txt' : 'md');
  return { source, content, hash, article: parseArticle(source, content, hash), origin };
}

function htmlToArticleFile(html: string, url?: string): string {
  const { meta, paragraphs } = extractHtmlArticle(html, url);
  return renderArticleFile(meta, paragraphs);
}

/** The preview shown before an article is added. */
export function previewOf(prepared: PreparedArticle, firstChars = 400): ArticlePreview {
  const { article } = prepared;
  const cut = article.clean.length > firstChars ? `${article.clean.slice(0, firstChars).replace(/\s+\S*$/, '')} …` : article.clean;
  return { source: prepared.source, meta: article.meta, firstLines: cut, chars: article.clean.length, sentences: article.sentences.length };
}
