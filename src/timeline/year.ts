import { dayNumber, parseDate } from './calendar.ts';
import { MONTH_NAMES } from '../text/calendar-words.ts';
import type { SentenceEvent } from './sentence-event.ts';
import { Similarity, type TermCounts } from './similarity.ts';

// How alike an event of this article and one of another article must be to count as one happening.
const SAME_EVENT = 0.6;
// News reports what happened in the days before it was written: a full date of the article's own that falls
// within a month before its dateline's month and day, in one year only, gives the year.
const RECENT_DAYS = 31;

/** The year a yearless dateline stands for, whether it is certain, and how it was found. */
export interface InferredYear {
  year: number;
  approximate: boolean;
  note: string;
}

/**
 * The year of a dateline that gives only a month and day. Each candidate year (any year the corpus names, and the
 * one after) is tried: the article's relative dates are resolved against it, and the year is taken when it alone
 * puts the article's events on the dates other articles give the same events. Otherwise the article's own text
 * bounds it: the earliest year, not before the latest year the article names, whose month and day fall after
 * the article's latest stated date — marked approximate. `others` may be given as `OtherEvents`, kept by the
 * caller across many articles, so that each call costs what the article has, not what the corpus has.
 */
export function inferYear(
  source: string,
  monthDay: { month: number; day: number; text: string },
  others: SentenceEvent[] | OtherEvents,
  read: (reference: string) => SentenceEvent[],
  report: (matches: Record<number, number> | null) => void = () => {},
): InferredYear {
  const context = others instanceof OtherEvents ? others : new OtherEvents(others);
  const label = `“${monthDay.text}”`;
  const years = new Set(context.years);
  const own = read(`${[...years].sort().at(-1) ?? new Date().getUTCFullYear()}-01-01`).filter((event) => !event.reference);
  for (const event of own) years.add(Number(event.date.slice(0, 4)));
  const { latest, floor } = earliestYear(own, years);
  if (years.size === 0) {
    report({});
    const now = new Date().getUTCFullYear();
    return {
      year: now,
      approximate: true,
      note: `the dateline ${label} gives no year and the corpus names none; ${now}, the year of reading, is a guess`,
    };
  }
  const recent = ownRecentYear(own, monthDay);
  // How many events each candidate year matched, for a later corpus to tell whether other candidates change the
  // answer (none can when the article's own dates give it).
  if (recent) report(null);
  if (recent) {
    return {
      year: recent.year,
      approximate: false,
      note: `the dateline ${label} gives no year; the article's own “${recent.event.expression}” (${recent.event.date}) falls in the month before it only in ${recent.year}`,
    };
  }
  const candidates = [...years]
    .flatMap((year) => [year, year + 1])
    .filter((year, i, all) => all.indexOf(year) === i && year >= floor)
    .sort((a, b) => a - b);
  const scored = candidates.map((year) => ({ year, matches: yearMatches(source, monthDay, year, context, read) }));
  const best = Math.max(0, ...scored.map((item) => item.matches.length));
  const winners = scored.filter((item) => item.matches.length === best);
  report(Object.fromEntries(scored.map((item) => [item.year, item.matches.length])));
  if (best > 0 && winners.length === 1) {
    const { year, matches } = winners[0]!;
    const example = matches[0]!;
    return {
      year,
      approximate: false,
      note: `the dateline ${label} gives no year; ${year} is the only year that puts its events on the dates other articles give them (${example.other.sources[0]!.source} dates “${example.other.expression}” ${example.other.date})`,
    };
  }
  const after = latest && `${floor}-${pad(monthDay.month)}-${pad(monthDay.day)}` < latest ? floor + 1 : floor;
  const month = MONTH_NAMES[monthDay.month - 1];
  return {
    year: after,
    approximate: true,
    note: `the dateline ${label} gives no year and no other article dates the same events; ${month} ${monthDay.day}, ${after} is the earliest reading after the latest date the article names (${latest ?? 'none'}), so the year is a guess`,
  };
}

/**
 * The article's events read against `year` that other articles date the same: each reading of a relative date
 * is compared with the other articles' day- and month-precise events of its date.
 */
export function yearMatches(
  source: string,
  monthDay: { month: number; day: number },
  year: number,
  context: YearContext,
  read: (reference: string) => SentenceEvent[],
): { event: SentenceEvent; other: SentenceEvent }[] {
  const events = read(`${year}-${pad(monthDay.month)}-${pad(monthDay.day)}`).filter(
    (event) => event.reference && event.precision !== 'year',
  );
  // Words weigh by their frequency among these readings and the other articles' fine events.
  const similarity = new Similarity(events, context.similarity, context.fineFrom(source));
  return events.flatMap((event) =>
    context
      .fineOn(event.date)
      .filter((other) => other.sources[0]!.source !== source && similarity.score(event, other) >= SAME_EVENT)
      .map((other) => ({ event, other })),
  );
}

/** What year inference reads of the other articles: the years they name, their events by date, their word weights. */
export interface YearContext {
  readonly years: ReadonlySet<number>;
  readonly similarity: Similarity;
  /** Dates looked up (`fineOn`) so far. */
  readonly looked: Set<string>;
  /** The day- and month-precise events dated `date` (the date is noted as looked up). */
  fineOn(date: string): readonly SentenceEvent[];
  /** The day- and month-precise events of one source file. */
  fineFrom(source: string): readonly SentenceEvent[];
  add(events: SentenceEvent[]): void;
}

/** The events of the other articles as year inference reads them: kept up to date as more articles are dated. */
export class OtherEvents implements YearContext {
  readonly years = new Set<number>();
  /** Day- and month-precise events by date, and by source file, in the order given. */
  readonly fine = new Map<string, SentenceEvent[]>();
  readonly fineOf = new Map<string, SentenceEvent[]>();
  /** Word weights over the day- and month-precise events, or fixed ones (`frozen`) that adding events leaves as they are. */
  readonly similarity: Similarity;

  /** `weighed`: the Similarity of `frozen`, when the caller holds one (made from the counts otherwise). */
  constructor(
    events: SentenceEvent[] = [],
    private readonly frozen?: TermCounts,
    weighed?: Similarity,
  ) {
    this.similarity = frozen ? (weighed ?? Similarity.fromCounts(frozen)) : new Similarity([]);
    this.add(events);
  }

  /** Dates the other articles' events were looked up at (`fineOn`): only events on them can change an inferred year. */
  readonly looked = new Set<string>();

  /** The day- and month-precise events dated `date`. */
  fineOn(date: string): SentenceEvent[] {
    this.looked.add(date);
    return this.fine.get(date) ?? [];
  }

  fineFrom(source: string): SentenceEvent[] {
    return this.fineOf.get(source) ?? [];
  }

  add(events: SentenceEvent[]): void {
    const fine: SentenceEvent[] = [];
    for (const event of events) {
      this.years.add(Number(event.date.slice(0, 4)));
      if (event.precision === 'year') continue;
      fine.push(event);
      for (const [map, key] of [
        [this.fine, event.date],
        [this.fineOf, event.sources[0]!.source],
      ] as const) {
        const list = map.get(key);
        if (list) list.push(event);
        else map.set(key, [event]);
      }
    }
    if (!this.frozen) this.similarity.add(fine);
  }
}

/** The one year in which a past full date the article states falls within the month before its dateline's month and day. */
function ownRecentYear(own: SentenceEvent[], monthDay: { month: number; day: number }): { year: number; event: SentenceEvent } | undefined {
  const found = new Map<number, SentenceEvent>();
  for (const event of own) {
    if (event.precision !== 'day' || event.kind === 'scheduled') continue;
    const day = parseDate(event.date)!.first;
    const year = Number(event.date.slice(0, 4));
    for (const candidate of [year, year + 1]) {
      const written = dayNumber(candidate, monthDay.month, monthDay.day);
      if (written >= day && written - day <= RECENT_DAYS) found.set(candidate, event);
    }
  }
  return found.size === 1 ? { year: [...found.keys()][0]!, event: [...found.values()][0]! } : undefined;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * The earliest year a yearless dateline may have: an article is written after the past events it dates, so no
 * candidate before the latest year of them (with none, the earliest year named). `latest` is that latest date.
 */
export function earliestYear(own: SentenceEvent[], named: Set<number>): { latest: string | undefined; floor: number } {
  const latest = own
    .filter((event) => event.kind !== 'scheduled')
    .map((event) => event.date)
    .sort()
    .at(-1);
  return { latest, floor: latest ? Number(latest.slice(0, 4)) : Math.min(...named) };
}
