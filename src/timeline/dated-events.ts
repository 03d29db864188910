import type { SentenceEvent } from './sentence-event.ts';
import type { Similarity, TermCounts } from './similarity.ts';
import { OtherEvents, type YearContext } from './year.ts';

/**
 * The events of the articles with a full dateline, as year inference looks them up (day- and month-precise ones
 * by date and by source, the years of all), kept from change to change by the index (`HeldAssembly`): a change
 * files or takes out the events of the articles it adds and removes. Events of one date are in no set order,
 * which only counting them allows (`LayeredEvents`).
 */
export class DatedEvents {
  private readonly fine = new Map<string, SentenceEvent[]>();
  private readonly fineOf = new Map<string, SentenceEvent[]>();
  private readonly yearCounts = new Map<number, number>();
  private lists = new Set<SentenceEvent[]>();

  /** Brings the events filed to those of `lists` (each article's events, never changed once made). */
  sync(lists: SentenceEvent[][]): this {
    const current = new Set(lists);
    const before = this.lists;
    // Emptied while it is changed: a failure partway leaves nothing half-filed for the next call.
    this.lists = new Set();
    try {
      fileDifference(before, current, (list, sign) => this.file(list, sign));
    } catch (error) {
      this.fine.clear();
      this.fineOf.clear();
      this.yearCounts.clear();
      throw error;
    }
    this.lists = current;
    return this;
  }

  get years(): Iterable<number> {
    return this.yearCounts.keys();
  }

  fineOn(date: string): readonly SentenceEvent[] {
    return this.fine.get(date) ?? [];
  }

  fineFrom(source: string): readonly SentenceEvent[] {
    return this.fineOf.get(source) ?? [];
  }

  private file(events: SentenceEvent[], sign: 1 | -1): void {
    for (const event of events) {
      const year = Number(event.date.slice(0, 4));
      const count = (this.yearCounts.get(year) ?? 0) + sign;
      if (count > 0) this.yearCounts.set(year, count);
      else this.yearCounts.delete(year);
      if (event.precision === 'year') continue;
      for (const [map, key] of [
        [this.fine, event.date],
        [this.fineOf, event.sources[0]!.source],
      ] as const) {
        const list = map.get(key) ?? [];
        if (sign > 0) list.push(event);
        else list.splice(list.indexOf(event), 1);
        if (list.length > 0) map.set(key, list);
        else map.delete(key);
      }
    }
  }
}

/**
 * The dated articles' events (held) with the events added since (those of the yearless articles already dated),
 * as year inference's match counts read them: the same events as `OtherEvents` over them all, and the same dates
 * looked up, but those of one date not in corpus order, so only for counting matches (`keptYears`).
 */
export class LayeredEvents implements YearContext {
  private readonly added: OtherEvents;
  private unitedYears: Set<number> | undefined;

  /** `similarity`: that of the kept weights `frozen` (which adding events leaves as they are). */
  constructor(
    private readonly held: DatedEvents,
    frozen: TermCounts,
    readonly similarity: Similarity,
  ) {
    this.added = new OtherEvents([], frozen, similarity);
  }

  get looked(): Set<string> {
    return this.added.looked;
  }

  get years(): ReadonlySet<number> {
    return (this.unitedYears ??= new Set([...this.held.years, ...this.added.years]));
  }

  fineOn(date: string): readonly SentenceEvent[] {
    return layered(this.held.fineOn(date), this.added.fineOn(date));
  }

  fineFrom(source: string): readonly SentenceEvent[] {
    return layered(this.held.fineFrom(source), this.added.fineFrom(source));
  }

  add(events: SentenceEvent[]): void {
    this.added.add(events);
    this.unitedYears = undefined;
  }
}

function layered(held: readonly SentenceEvent[], own: readonly SentenceEvent[]): readonly SentenceEvent[] {
  return own.length === 0 ? held : [...held, ...own];
}

/**
 * Files out (-1) what `before` holds and `current` does not, and files in (+1) what `current` holds and `before`
 * did not: items compared by object, each never changed once made, so a tally kept by them follows the corpus.
 */
export function fileDifference<T>(before: ReadonlySet<T>, current: ReadonlySet<T>, file: (item: T, sign: 1 | -1) => void): void {
  for (const item of before) if (!current.has(item)) file(item, -1);
  for (const item of current) if (!before.has(item)) file(item, 1);
}
