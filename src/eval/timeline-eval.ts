import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadCorpus } from '../corpus/load.ts';
import { describeError } from '../errors.ts';
import { compatible } from '../timeline/calendar.ts';
import { extractEvents } from '../timeline/extract.ts';
import { selectEvents } from '../timeline/query.ts';
import { MONTH_NAMES } from '../text/calendar-words.ts';
import { contentTerms } from '../text/terms.ts';
import type { TimelineEvent } from '../timeline/types.ts';

const goldSchema = z.object({
  events: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      precision: z.enum(['day', 'month', 'year']),
      description: z.string(),
      sources: z.array(z.object({ source: z.string(), quote: z.string().min(1) })).min(1),
    }),
  ),
});
type Gold = z.infer<typeof goldSchema>['events'][number];

/** The figures of one corpus against its gold list. */
export interface TimelineFigures {
  events: number;
  defaultView: number;
  recallDefault: number;
  recallAll: number;
  /** Events none of whose quotes states or lets one derive the date. */
  invented: TimelineEvent[];
  /** Events quoting gold events' passages with a date none of them has. */
  contradicting: { event: TimelineEvent; gold: Gold }[];
  approximate: number;
  quoteValidity: number;
  misses: Gold[];
  ms: number;
}

// Expressions a relative date can be written with; a relative event's quote must hold the one its resolution names.

/** Extracts the timeline of `corpusDir` and scores it against a gold list of dated events. */
export async function evaluateTimeline(goldFile: string, corpusDir: string): Promise<TimelineFigures> {
  const gold = goldSchema.parse(JSON.parse(readFileSync(goldFile, 'utf8'))).events;
  const { articles } = await loadCorpus(corpusDir, { maxFileBytes: 2_000_000 });
  const started = Date.now();
  const events = extractEvents(articles);
  const ms = Date.now() - started;
  const text = new Map(articles.map((article) => [article.source, article.text]));
  const defaultView = selectEvents(events, {});
  const found = (view: TimelineEvent[], item: Gold) => view.some((event) => event.date.startsWith(item.date) && quotes(event, item, text));
  const recall = (view: TimelineEvent[]) => gold.filter((item) => found(view, item)).length / gold.length;
  const sources = events.flatMap((event) => event.sources);
  const valid = sources.filter((cited) => text.get(cited.source)?.slice(cited.start, cited.end) === cited.quote).length;
  return {
    events: events.length,
    defaultView: defaultView.length,
    recallDefault: recall(defaultView),
    recallAll: recall(events),
    invented: events.filter((event) => !supported(event)),
    contradicting: events.flatMap((event) => {
      // A sentence may state several gold events: the event contradicts the list when it dates none of those it quotes.
      const quoted = gold.filter((item) => quotes(event, item, text) && about(event, item));
      return quoted.length > 0 && !quoted.some((item) => compatible(event.date, item.date)) ? [{ event, gold: quoted[0]! }] : [];
    }),
    approximate: events.filter((event) => event.approximate).length,
    quoteValidity: sources.length ? valid / sources.length : 1,
    misses: gold.filter((item) => !found(events, item)),
    ms,
  };
}

/** True when the event cites the passage of a gold source (its quote inside the cited sentence, or overlapping it). */
function quotes(event: TimelineEvent, item: Gold, text: Map<string, string>): boolean {
  return item.sources.some((wanted) => {
    const at = text.get(wanted.source)?.indexOf(wanted.quote) ?? -1;
    return at >= 0 && event.sources.some((cited) => cited.source === wanted.source && cited.start < at + wanted.quote.length && cited.end > at);
  });
}

/** True when the event's summary shares at least half its content words with the gold event's quotes. */
function about(event: TimelineEvent, item: Gold): boolean {
  const own = [...contentTerms(event.summary)];
  const wanted = contentTerms(item.sources.map((cited) => cited.quote).join(' '));
  return own.length > 0 && own.filter((term) => wanted.has(term)).length * 2 >= own.length;
}

/**
 * Whether a quote states or lets one derive the event's date: it holds the year, or the event was resolved
 * from a relative expression (“on Friday”, “last year”, “that month”) that its quote holds.
 */
function supported(event: TimelineEvent): boolean {
  const year = event.date.slice(0, 4);
  return event.sources.some((cited) => {
    const quote = cited.quote.toLowerCase();
    if (quote.includes(year)) return true;
    if (!event.resolution) return false;
    const expressions = [...event.resolution.matchAll(/“([^”]+)”/g)].map((match) => match[1]!.toLowerCase());
    const month = event.precision !== 'year' ? MONTH_NAMES[Number(event.date.slice(5, 7)) - 1]!.toLowerCase() : undefined;
    return expressions.some((expression) => quote.includes(expression)) || (month !== undefined && quote.includes(month));
  });
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The gold lists and the corpora they describe, scored by default. */
export const TIMELINE_GOLD: [string, string][] = [['eval/timeline/corpus-a.json', 'eval/corpus-a'], ['eval/timeline/corpus-b.json', 'eval/corpus-b']];

/** Prints the timeline's recall, invented dates and quote validity for each gold list (also part of `npm run eval`). */
export async function printTimelineEvaluation(pairs: [string, string][] = TIMELINE_GOLD): Promise<void> {
  const rows: string[][] = [['gold list', 'gold', 'events', 'default view', 'recall (default)', 'recall (all)', 'invented', 'contradict gold', 'approximate', 'quote validity', 'ms']];
  const details: string[] = [];
  for (const [goldFile, corpusDir] of pairs) {
    const figures = await evaluateTimeline(goldFile!, corpusDir!);
    const gold = goldSchema.parse(JSON.parse(readFileSync(goldFile!, 'utf8'))).events.length;
    rows.push([goldFile!, String(gold), String(figures.events), String(figures.defaultView), percent(figures.recallDefault), percent(figures.recallAll), String(figures.invented.length), String(figures.contradicting.length), String(figures.approximate), percent(figures.quoteValidity), String(figures.ms)]);
    for (const miss of figures.misses) details.push(`${join(corpusDir!)}: missed ${miss.id} ${miss.date} ${miss.description}`);
    for (const event of figures.invented) details.push(`${join(corpusDir!)}: unsupported date ${event.date} “${event.summary}” (${event.sources[0]!.source})`);
    for (const { event, gold: item } of figures.contradicting) details.push(`${join(corpusDir!)}: ${event.date} “${event.summary}” contradicts ${item.id} ${item.date}`);
  }
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  for (const row of rows) console.log(row.map((cell, col) => cell.padEnd(widths[col]!)).join('  '));
  for (const line of details) console.log(line);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  await printTimelineEvaluation(args.length >= 2 ? [[args[0]!, args[1]!]] : TIMELINE_GOLD);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`error: ${describeError(error)}`);
    process.exitCode = 1;
  });
}
