import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleMeta } from '../corpus/types.ts';
import { UserError } from '../errors.ts';

/** The article a web page holds: its paragraphs and what the page's metadata says about it. */
export interface ExtractedArticle {
  meta: ArticleMeta;
  paragraphs: string[];
}

/** The few DOM calls used here (the project compiles without the DOM library's types). */
interface DomNode {
  textContent: string | null;
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): Iterable<DomNode>;
  getAttribute(name: string): string | null;
}

const PROSE_WORDS = 8;

// Blocks of prose in Readability's output; a block holding another one (a <blockquote> of <p>s) yields the inner ones.
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre';

/**
 * Extracts the article of an HTML page with Mozilla Readability (Firefox Reader View's algorithm), which drops
 * navigation, ads, comments and other page furniture, over a linkedom DOM. Title, outlet, author and publication
 * date come from the page's metadata (Open Graph, JSON-LD, <meta>, <time>) when it states them.
 * @throws UserError when the page holds no article text.
 */
export function extractHtmlArticle(html: string, url?: string): ExtractedArticle {
  const document = parseHTML(html).document as unknown as DomNode;
  const meta = pageMetadata(document, url);
  // Readability changes the document it reads, so metadata is read first.
  const parsed = new Readability<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode }).parse();
  const paragraphs = parsed?.content ? blockTexts(parsed.content) : [];
  // Menu labels, buttons and captions are a few words; an article has at least one paragraph of prose.
  if (!paragraphs.some((paragraph) => paragraph.split(' ').length >= PROSE_WORDS))
    throw new UserError(
      `No article text was found in ${url ?? 'the page'}: it looks like a page without an article (a front page, a login wall or a page built by scripts).`,
      'NO_ARTICLE',
    );
  const title = meta.title ?? clean(parsed?.title);
  const author = meta.author ?? clean(parsed?.byline?.replace(/^by\s+/i, ''));
  const outlet = meta.outlet ?? clean(parsed?.siteName);
  const date = meta.date ?? isoDay(parsed?.publishedTime);
  // Readability may keep the headline as the first block; the file states it once, as its title.
  if (title && paragraphs[0] && same(paragraphs[0], title)) paragraphs.shift();
  return { meta: dropUndefined({ ...meta, title, author, outlet, date }), paragraphs };
}

function blockTexts(root: DomNode): string[] {
  const texts: string[] = [];
  for (const element of root.querySelectorAll(BLOCKS)) {
    if (element.querySelector(BLOCKS)) continue;
    const text = clean(element.textContent);
    if (text) texts.push(text);
  }
  if (texts.length === 0) {
    const whole = clean(root.textContent);
    if (whole) texts.push(whole);
  }
  return texts;
}

function pageMetadata(document: DomNode, url?: string): ArticleMeta {
  const metaContent = (...keys: string[]) => {
    for (const key of keys) {
      const element = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
      const value = clean(element?.getAttribute('content'));
      if (value) return value;
    }
    return undefined;
  };
  const ld = jsonLd(document);
  const timeElement = document.querySelector('article time[datetime], time[datetime]');
  return dropUndefined({
    title: clean(ld.headline) ?? metaContent('og:title', 'twitter:title') ?? clean(document.querySelector('title')?.textContent),
    outlet: metaContent('og:site_name', 'application-name') ?? clean(ld.publisher),
    author: metaContent('author', 'article:author') ?? clean(ld.author),
    date: isoDay(
      metaContent('article:published_time', 'datePublished', 'date', 'DC.date.issued') ??
        ld.datePublished ??
        timeElement?.getAttribute('datetime') ??
        undefined,
    ),
    url: metaContent('og:url') ?? url,
  });
}

/** headline, author, publisher and datePublished of the page's JSON-LD NewsArticle/Article, when there is one. */
function jsonLd(document: DomNode): { headline?: string; author?: string; publisher?: string; datePublished?: string } {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const items = (Array.isArray(data) ? data : [data, ...((data as { '@graph'?: unknown[] })?.['@graph'] ?? [])]) as Record<
      string,
      unknown
    >[];
    const article = items.find((item) => typeof item?.['@type'] === 'string' && /Article|Posting|Report/.test(item['@type'] as string));
    if (!article) continue;
    const name = (value: unknown): string | undefined =>
      typeof value === 'string'
        ? value
        : Array.isArray(value)
          ? value.map(name).filter(Boolean).join(', ') || undefined
          : typeof (value as { name?: unknown })?.name === 'string'
            ? (value as { name: string }).name
            : undefined;
    return {
      headline: name(article.headline),
      author: name(article.author),
      publisher: name(article.publisher),
      datePublished: name(article.datePublished),
    };
  }
  return {};
}

/** YYYY-MM-DD of an ISO date or timestamp (the day as written, not shifted to UTC); undefined when it is not one. */
function isoDay(value: string | null | undefined): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCDate() === Number(match[3]) ? date.toISOString().slice(0, 10) : undefined;
}

function clean(text: string | null | undefined): string | undefined {
  const value = text?.replace(/\s+/g, ' ').trim();
  return value ? value : undefined;
}

function same(a: string, b: string): boolean {
  const norm = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return norm(a) === norm(b);
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
