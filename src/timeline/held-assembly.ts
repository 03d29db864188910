import type { ArticleTimeline } from './article-timeline.ts';
import { DatedEvents, fileDifference } from './dated-events.ts';
import type { Pending } from './pin.ts';
import type { Redated } from './redate.ts';
import type { SentenceEvent } from './sentence-event.ts';
import { Similarity, type TermCounts } from './similarity.ts';
import { SurnameTally } from './surnames.ts';
import type { TimelineEvent } from './types.ts';

/** An undated article's relative dates that report a happening, by word: each with how often the word is among its words. */
export type PendingByTerm = ReadonlyMap<string, ReadonlyMap<Pending, number>>;

/**
 * What one index's assembly keeps in memory from one corpus change to the next, beside the snapshot of its stored
 * extractions (`ArticleStoreSnapshot.heldAssembly`), never stored: counts and lookups a change updates by the
 * articles it adds and removes instead of making them again from the whole corpus. Each piece gives what making
 * it from nothing gives for whatever corpus it is handed (it compares articles by object), so a held state that is
 * behind costs time, never a wrong result; one per index, so that two indexes open in one process never share one.
 */
export class HeldAssembly {
  readonly surnames = new SurnameTally();
  /** Each merged event marked as background, with its marked copy (`markBackground`): an event never changes once made. */
  readonly background = new WeakMap<TimelineEvent, TimelineEvent>();
  /** Each event the last change linked, with what linking gave (`linkSurnames`). */
  linked = new Map<SentenceEvent, SentenceEvent>();
  /** The events of the articles with a full dateline, filed for year inference's match counts (`keptYears`). */
  private readonly dated = new DatedEvents();
  private readonly similarities = new WeakMap<TermCounts, Similarity>();
  private readonly years = new WeakMap<SentenceEvent[], number[]>();
  private readonly readings = new WeakMap<SentenceEvent[], Map<string, Redated[]>>();
  private readonly pending = { byTerm: new Map<string, Map<Pending, number>>(), lists: new Set<Pending[]>() };

  /**
   * The word weights of `counts` (kept word weights: the same object from change to change until they are fitted
   * again), made once: the words' weights, and the parses and scores it keeps (at most MAX_CACHED_SCORES), carry over.
   */
  similarity(counts: TermCounts): Similarity {
    let similarity = this.similarities.get(counts);
    if (!similarity) this.similarities.set(counts, (similarity = Similarity.fromCounts(counts)));
    return similarity;
  }

  /** The events of `records` (the articles with a full dateline) as year inference counts matches among them. */
  datedEvents(records: ArticleTimeline[]): DatedEvents {
    return this.dated.sync(records.map((record) => record.events));
  }

  /**
   * An article's events read against another date of writing (`redatedDates`, a pure function of its events, file
   * name and `reference`), made once while the index holds the article: the stored memo keeps only the readings
   * its last assembly used, so a year that goes with one change and comes back with the next is read once.
   */
  reading(record: ArticleTimeline, reference: string, read: () => Redated[]): Redated[] {
    let byReference = this.readings.get(record.events);
    if (!byReference) this.readings.set(record.events, (byReference = new Map()));
    const key = `${record.source}\u0000${reference}`;
    let reading = byReference.get(key);
    if (!reading) byReference.set(key, (reading = read()));
    return reading;
  }

  /** The years an article's events fall in (its events are never changed once made). */
  yearsOf(events: SentenceEvent[]): number[] {
    let years = this.years.get(events);
    if (!years) this.years.set(events, (years = [...new Set(events.map((event) => Number(event.date.slice(0, 4))))]));
    return years;
  }

  /**
   * The relative dates of `records` that report a happening (`kind` occurred), by the words of their clauses,
   * each with how many times the word is among its clause's words (a clause's words do not depend on the word
   * weights). Kept from the last call: only the articles added or removed since are indexed or taken out.
   */
  pendingByTerm(records: ArticleTimeline[], termsOf: (item: Pending) => Iterable<string>): PendingByTerm {
    const { byTerm, lists } = this.pending;
    const current = new Set(records.filter((record) => record.pending.length > 0).map((record) => record.pending));
    // Emptied while it is changed: a failure partway leaves no half-made index for the next call.
    this.pending.lists = new Set();
    const each = (list: Pending[], sign: 1 | -1) => {
      for (const item of list) {
        if (item.mention.kind !== 'occurred') continue;
        for (const term of termsOf(item)) {
          let items = byTerm.get(term);
          if (!items) byTerm.set(term, (items = new Map()));
          const times = (items.get(item) ?? 0) + sign;
          if (times > 0) items.set(item, times);
          else items.delete(item);
          if (items.size === 0) byTerm.delete(term);
        }
      }
    };
    try {
      fileDifference(lists, current, each);
    } catch (error) {
      byTerm.clear();
      throw error;
    }
    this.pending.lists = current;
    return byTerm;
  }
}
