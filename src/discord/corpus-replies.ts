import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId, type APIEmbed } from 'discord.js';
import type { ArticleSummary, CorpusChangeSummary } from '../core/dossier.ts';
import type { ArticlePreview } from '../ingest/prepare.ts';
import { plain } from './markdown.ts';
import { fitEmbed, LIMITS, truncate } from './limits.ts';
import { sourceLine } from './sources-embed.ts';

const ARTICLES_PER_PAGE = 10;

/** The preview a moderator confirms: title, outlet, date, first lines and length. */
export function previewEmbed(preview: ArticlePreview, origin: string): APIEmbed {
  const { meta } = preview;
  return fitEmbed({
    color: 0xd4a017,
    title: truncate(meta.title ?? preview.source, LIMITS.title),
    description: `> ${plain(truncate(preview.firstLines, 1500)).replace(/\n+/g, '\n> ')}`,
    fields: [
      { name: 'Outlet', value: plain(meta.outlet ?? 'not stated'), inline: true },
      { name: 'Date', value: meta.date ?? 'not stated', inline: true },
      { name: 'Author', value: plain(meta.author ?? 'not stated'), inline: true },
      { name: 'Length', value: `${preview.chars} characters · ${preview.sentences} sentences`, inline: true },
      { name: 'File', value: `\`${preview.source}\``, inline: true },
      { name: 'From', value: plain(truncate(origin, 200)) },
    ],
    footer: { text: 'Add it to the corpus? Only its text is embedded; questions keep being answered meanwhile.' },
  });
}

/** Add / Cancel under a preview. */
export function confirmRow(key: string): APIActionRowComponent<APIButtonComponentWithCustomId> {
  return {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Success, custom_id: `corpus:confirm:${key}`, label: 'Add to the corpus' },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: `corpus:cancel:${key}`, label: 'Cancel' },
    ],
  };
}

/** What a change did, in one line. */
export function changeText(summary: CorpusChangeSummary): string {
  const name = `\`${summary.source}\`${summary.title ? ` (${plain(truncate(summary.title, 120))})` : ''}`;
  const verb =
    summary.action === 'add'
      ? `Added ${name}: ${summary.chunks} chunks, ${summary.embedded} sentences embedded`
      : `Removed ${name}: ${summary.chunks} chunks taken out of the index`;
  return `${verb} in ${(summary.ms / 1000).toFixed(1)} s. The index now holds ${summary.totalChunks} chunks and ${summary.events} timeline events.`;
}

/** The corpus as pages of articles: file, title, outlet, date and chunk count. */
export function articlePages(articles: ArticleSummary[]): APIEmbed[] {
  const total = Math.max(1, Math.ceil(articles.length / ARTICLES_PER_PAGE));
  return Array.from({ length: total }, (_, page) => {
    const slice = articles.slice(page * ARTICLES_PER_PAGE, (page + 1) * ARTICLES_PER_PAGE);
    return fitEmbed({
      color: 0x3a9d6a,
      title: `Corpus: ${articles.length} articles`,
      description: slice.map((article) => `${sourceLine(article)} · ${article.chunks} chunks`).join('\n') || 'The corpus is empty.',
      footer: { text: `Page ${page + 1} of ${total} · /corpus show for one article's details` },
    });
  });
}

/** One article's metadata. */
export function articleEmbed(article: ArticleSummary): APIEmbed {
  const field = (name: string, value: string | undefined) => ({
    name,
    value: value ? plain(truncate(value, 1000)) : 'not stated',
    inline: name !== 'URL',
  });
  return fitEmbed({
    color: 0x3a9d6a,
    title: truncate(article.title ?? article.source, LIMITS.title),
    fields: [
      field('File', article.source),
      field('Outlet', article.outlet),
      field('Author', article.author),
      field('Date', article.date),
      field('Chunks', String(article.chunks)),
      field('URL', article.url),
    ],
  });
}
