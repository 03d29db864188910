import type { ArticleMeta } from '../corpus/types.ts';

/**
 * The text of a corpus file for an extracted article, in the shape `corpus/metadata.ts` reads back: a `# ` title,
 * `Source:` outlet, `By` author and `date YYYY-MM-DD` lines, the `Original URL` on lines of their own (site chrome
 * to the cleaner, so it is never indexed as prose), then the paragraphs. A full reindex parses the same metadata.
 */
export function renderArticleFile(meta: ArticleMeta, paragraphs: string[]): string {
  const header = [
    meta.title && `# ${oneLine(meta.title)}`,
    meta.outlet && `Source: ${oneLine(meta.outlet).slice(0, 60)}`,
    meta.author &&
      `By ${oneLine(meta.author)
        .replace(/[.!?]+$/, '')
        .slice(0, 80)}`,
    meta.date && `date ${meta.date}`,
    meta.url && `Original URL:\n<${meta.url}>`,
  ].filter(Boolean);
  return `${[...header, '', ...paragraphs.flatMap((paragraph, i) => (i === 0 ? [paragraph] : ['', paragraph]))].join('\n')}\n`;
}

/** A file name for an article: a slug of its title (or of the uploaded name) and a short content hash, never hidden. */
export function articleFileName(base: string, hash: string, extension: string): string {
  const slug = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'article'}-${hash.slice(0, 10)}.${extension}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
