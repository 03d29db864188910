import type { ArticleTimeline } from './article-timeline.ts';

/** One surname's full names: how often the corpus uses each, and in how many articles. */
type Names = Map<string, { count: number; articles: number }>;

interface Counts {
  tables: Map<Record<string, number>, number>;
  counts: Map<string, Names>;
  links: Map<string, string>;
}

/**
 * The surname counts of one corpus as it changes: the counts of the corpus last linked, with the articles' name
 * tables they were counted from (each article's `names`, never changed once made, by object), so that the next
 * corpus, one article apart, counts that article alone. One tally per index (`HeldAssembly`): two corpora
 * linked in turn on one tally give the same links, but each call recounts what differs between them.
 */
export class SurnameTally {
  private last: Counts | undefined;
  /** How many articles' name tables the tally has counted in or out, all calls together. */
  counted = 0;
  /**
   * The surnames the last call linked otherwise than the call before it (linked anew, to another name, or no
   * longer); undefined when the last call counted from nothing (the first, or after a failure partway).
   */
  changed: ReadonlySet<string> | undefined;

  /**
   * Surname → the full name the corpus uses most with it (the first in alphabetical order on a tie). Counted
   * from the last corpus's counts and the articles that differ from it, so only the surnames they name are
   * looked at again; what it gives is what counting the whole corpus gives. The map is read before the next call.
   */
  links(records: ArticleTimeline[]): Map<string, string> {
    const tables = new Map<Record<string, number>, number>();
    for (const record of records) tables.set(record.names, (tables.get(record.names) ?? 0) + 1);
    const fromNothing = !this.last;
    const tally = this.last ?? { tables: new Map(), counts: new Map(), links: new Map() };
    // Left unset while it is changed: a failure partway leaves no half-made counts for the next call.
    this.last = undefined;
    this.changed = undefined;
    const changed = new Set<string>();
    const touched = new Set<string>();
    const count = (table: Record<string, number>, sign: 1 | -1) => {
      this.counted++;
      for (const [name, uses] of Object.entries(table)) {
        const surname = name.split(' ').pop()!;
        touched.add(surname);
        let names = tally.counts.get(surname);
        if (!names) tally.counts.set(surname, (names = new Map()));
        const before = names.get(name) ?? { count: 0, articles: 0 };
        const after = { count: before.count + sign * uses, articles: before.articles + sign };
        if (after.articles === 0) names.delete(name);
        else names.set(name, after);
      }
    };
    for (const [table, times] of tally.tables) for (let i = tables.get(table) ?? 0; i < times; i++) count(table, -1);
    for (const [table, times] of tables) for (let i = tally.tables.get(table) ?? 0; i < times; i++) count(table, 1);
    for (const surname of touched) {
      const names = tally.counts.get(surname)!;
      const before = tally.links.get(surname);
      if (names.size === 0) {
        tally.counts.delete(surname);
        tally.links.delete(surname);
      } else tally.links.set(surname, [...names].sort((a, b) => b[1].count - a[1].count || byName(a[0], b[0]))[0]![0]);
      if (tally.links.get(surname) !== before) changed.add(surname);
    }
    this.last = { ...tally, tables };
    if (!fromNothing) this.changed = changed;
    return tally.links;
  }
}

/** `SurnameTally.links` on a tally of its own: the corpus counted from nothing. */
export function surnameLinks(records: ArticleTimeline[], tally = new SurnameTally()): Map<string, string> {
  return tally.links(records);
}

// Alphabetical, and total: names the collation holds equal (one spelled in composed, one in decomposed characters)
// are ordered by their code points, so the link does not depend on which article was counted first.
function byName(a: string, b: string): number {
  return a.localeCompare(b) || (a < b ? -1 : a > b ? 1 : 0);
}
