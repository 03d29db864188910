import type { APIEmbed } from 'discord.js';
import type { ArticleSummary, IndexInfo } from '../core/dossier.ts';
import { plain } from './markdown.ts';
import { fitEmbed, LIMITS, truncate } from './limits.ts';

/** One line per article: file, title, outlet and date, as far as the article states them. */
export function sourceLine(article: ArticleSummary): string {
  const details = [article.title && plain(truncate(article.title, 100)), article.outlet && plain(article.outlet), article.date].filter(
    Boolean,
  );
  return `\`${article.source}\`${details.length ? ` — ${details.join(' · ')}` : ''}`;
}

/** The corpus as an embed; past the description limit the rest is counted, not shown. */
export function sourcesEmbed(articles: ArticleSummary[], info?: IndexInfo): APIEmbed {
  const lines: string[] = [];
  let length = 0;
  for (const [i, article] of articles.entries()) {
    const line = sourceLine(article);
    const more = `…and ${articles.length - i} more`;
    if (length + line.length + 1 + more.length > LIMITS.description - 50) {
      lines.push(more);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  const footer = info
    ? `${info.articles} articles · ${info.chunks} chunks · ${info.events} timeline events · index built ${info.builtAt}`
    : `${articles.length} articles`;
  return fitEmbed({
    color: 0x3a9d6a,
    title: 'Articles Dossier answers from',
    description: lines.length ? lines.join('\n') : 'The corpus is empty — a moderator can add articles and run /reindex.',
    footer: { text: footer },
  });
}
