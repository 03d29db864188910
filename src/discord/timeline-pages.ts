import type { APIEmbed } from 'discord.js';
import type { ArticleSummary } from '../core/dossier.ts';
import { MONTH_ABBREVIATIONS } from '../text/calendar-words.ts';
import type { TimelineEvent, TimelineQuery } from '../timeline/types.ts';
import { articleLabel } from './answer-embed.ts';
import { plain } from './markdown.ts';
import { fitEmbed, LIMITS, truncate } from './limits.ts';

const TIMELINE_COLOR = 0x6b5bd2;

/** "2008", "Nov 2011" or "Apr 5, 2012", at the event's precision. */
export function formatEventDate(event: Pick<TimelineEvent, 'date' | 'precision'>): string {
  const [year, month, day] = event.date.split('-');
  if (event.precision === 'year' || !month) return year!;
  const name = MONTH_ABBREVIATIONS[Number(month) - 1] ?? month;
  return event.precision === 'month' || !day ? `${name} ${year}` : `${name} ${Number(day)}, ${year}`;
}

/** One page: event lines `2008 — summary [1][3]`, then the sources those numbers stand for. */
export interface TimelinePage {
  lines: string[];
  sources: string[];
}

/**
 * Splits events into pages of at most `maxEvents` events and about `maxChars` characters (well under the
 * 4096 description limit, so a page stays readable). Source numbers restart on every page.
 */
export function timelinePages(
  events: TimelineEvent[],
  articles: ArticleSummary[],
  options: { maxEvents?: number; maxChars?: number } = {},
): TimelinePage[] {
  const { maxEvents = 8, maxChars = 2500 } = options;
  const bySource = new Map(articles.map((article) => [article.source, article]));
  const pages: TimelinePage[] = [];
  let page = emptyPage();
  for (const event of events) {
    const next = withEvent(page, event, bySource);
    const full = page.lines.length >= maxEvents || [...next.lines, ...next.sources].join('\n').length > maxChars;
    if (page.lines.length > 0 && full) {
      pages.push(page);
      page = withEvent(emptyPage(), event, bySource);
    } else {
      page = next;
    }
  }
  if (page.lines.length > 0) pages.push(page);
  return pages.map(({ lines, sources }) => ({ lines, sources }));
}

type DraftPage = TimelinePage & { numbers: Map<string, number> };

function emptyPage(): DraftPage {
  return { lines: [], sources: [], numbers: new Map() };
}

/** A copy of `page` with the event's line, numbering sources not yet on the page. */
function withEvent(page: DraftPage, event: TimelineEvent, bySource: Map<string, ArticleSummary>): DraftPage {
  const next: DraftPage = { lines: [...page.lines], sources: [...page.sources], numbers: new Map(page.numbers) };
  const markers = [...new Set(event.sources.map((s) => s.source))].map((source) => {
    if (!next.numbers.has(source)) {
      next.numbers.set(source, next.numbers.size + 1);
      next.sources.push(`[${next.numbers.size}] ${articleLabel(bySource.get(source) ?? { source })}`);
    }
    return `[${next.numbers.get(source)}]`;
  });
  next.lines.push(eventLine(event, markers.join('')));
  return next;
}

function eventLine(event: TimelineEvent, markers: string): string {
  const kind = [event.kind === 'occurred' ? '' : event.kind, event.approximate ? 'approximate date' : ''].filter(Boolean).join(', ');
  const flags = kind ? ` (${kind})` : '';
  const conflict = event.conflict ? ` ⚠️ sources differ: ${plain(truncate(event.conflict, 120))}` : '';
  return `**${formatEventDate(event)}** — ${plain(truncate(event.summary, 300))}${flags} ${markers}${conflict}`;
}

/** Describes the filters of a lookup, e.g. "from 2010 · to 2012 · topic “extradition”". */
export function describeQuery(query: TimelineQuery): string {
  const quoted = (value: string) => `“${plain(truncate(value, 80))}”`;
  const parts = [
    query.from && `from ${query.from}`,
    query.to && `to ${query.to}`,
    query.around && `around ${quoted(query.around)}`,
    query.person && `person ${quoted(query.person)}`,
    query.place && `place ${quoted(query.place)}`,
    query.topic && `topic ${quoted(query.topic)}`,
    query.source && `source \`${query.source}\``,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'the whole case';
}

/** The embed for one page of a timeline. */
export function timelineEmbed(
  page: TimelinePage,
  position: { index: number; total: number; events: number; note?: string },
  query: TimelineQuery,
): APIEmbed {
  return fitEmbed({
    color: TIMELINE_COLOR,
    title: `Timeline — ${describeQuery(query)}`,
    description: `${page.lines.join('\n')}\n\n**Sources**\n${page.sources.join('\n')}`,
    // The footer says what the filters left out, so that a narrowed timeline never looks like the whole one.
    footer: {
      text: truncate(`Page ${position.index + 1} of ${position.total} · ${position.note ?? `${position.events} events`}`, LIMITS.footer),
    },
  });
}
