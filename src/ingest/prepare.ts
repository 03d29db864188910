import { parseArticle, sha256 } from '../corpus/article.ts';
import type { Article, ArticleMeta } from '../corpus/types.ts';
import type { Config } from '../config.ts';
import { UserError } from '../errors.ts';
import { articleFileName, renderArticleFile } from './article-file.ts';
import { fetchUrl, type Fetched } from './fetch-url.ts';
import { extractHtmlArticle } from './html.ts';
import { decodeArticleFile, decodeText, type ArticleFileKind } from './upload.ts';

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
    const { kind, text } = decodeArticleFile(input.name, input.bytes, options.maxFileBytes);
    return fromText(kind, text, input.name, input.name.replace(/\.[^.]+$/, ''), options.maxFileBytes);
  }
  const fetched: Fetched = await (options.fetch ?? fetchUrl)(input.url, options.urlFetch);
  const kind: ArticleFileKind = fetched.contentType.includes('html') ? 'html' : fetched.contentType === 'text/markdown' ? 'markdown' : 'text';
  const text = decodeText(fetched.url, fetched.body, options.urlFetch.maxBytes);
  return fromText(kind, text, fetched.url, new URL(fetched.url).pathname.split('/').filter(Boolean).pop() ?? 'article', options.maxFileBytes, fetched.url);
}

function fromText(kind: ArticleFileKind, text: string, origin: string, fallbackName: string, maxFileBytes: number, url?: string): PreparedArticle {
  const content = kind === 'html' ? htmlToArticleFile(text, url) : text.endsWith('\n') ? text : `${text}\n`;
  const bytes = Buffer.from(content, 'utf8');
  if (bytes.length > maxFileBytes) throw new UserError(`The article from ${origin} is ${bytes.length} bytes of text, over the ${maxFileBytes}-byte limit (MAX_FILE_BYTES).`, 'FILE_TOO_LARGE');
  const hash = sha256(bytes);
  const provisional = parseArticle('article', content, hash);
  if (provisional.sentences.length === 0) throw new UserError(`The article from ${origin} was refused: no article text is left once page furniture is removed.`, 'NO_ARTICLE');
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
