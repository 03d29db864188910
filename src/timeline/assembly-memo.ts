import type { ArticleTimeline, AssemblyMemoTable } from './article-timeline.ts';

// Results of assembly's date arithmetic that depend on one article's own text and a key alone (a relative date
// resolved against a candidate day of writing, a yearless article read against a candidate year) are kept with
// the article's extraction. Each is a pure function of what its key names, so a result recalled is the one that
// computing it again would give: a corpus change reruns the date parser only for keys no earlier assembly met.

interface Owner {
  old: AssemblyMemoTable;
  fresh: AssemblyMemoTable;
  prefix: string;
  /** What the record's table saw: results recalled from `old` and computed (shared by the record and its items). */
  use: { recalled: number; computed: number };
}

/**
 * One assembly's memo over its articles. A record, or one of its pending items, owns the results computed for
 * it; `records()` gives the records carrying only the results this assembly used, so what is stored stays the
 * size of what the current corpus needs.
 */
export class AssemblyMemo {
  private readonly owners = new Map<object, Owner>();
  private readonly tables = new Map<ArticleTimeline, { fresh: AssemblyMemoTable; use: Owner['use'] }>();
  private computed = 0;

  constructor(private readonly all: ArticleTimeline[]) {
    for (const record of all) {
      const old = record.memo ?? {};
      const fresh: AssemblyMemoTable = {};
      const use = { recalled: 0, computed: 0 };
      this.tables.set(record, { fresh, use });
      this.owners.set(record, { old, fresh, prefix: '', use });
      record.pending.forEach((item, index) => this.owners.set(item, { old, fresh, prefix: `p${index}|`, use }));
    }
  }

  /** What `compute` gives for `owner` and `key`: recalled when stored, else computed and stored. */
  recall<T>(owner: object, key: string, compute: () => T): T {
    const found = this.owners.get(owner);
    if (!found) return compute();
    const slot = found.prefix + key;
    if (slot in found.fresh) return revive<T>(found.fresh[slot]);
    if (slot in found.old) {
      found.fresh[slot] = found.old[slot];
      found.use.recalled++;
      return revive<T>(found.old[slot]);
    }
    const value = compute();
    this.computed++;
    found.use.computed++;
    // JSON has no undefined: "no result" is stored as null and given back as undefined.
    found.fresh[slot] = value === undefined ? null : value;
    return value;
  }

  /** How many results had to be computed (not recalled). */
  get misses(): number {
    return this.computed;
  }

  /**
   * The records with the results this assembly used. A record that used exactly the results it had is given as
   * it is (the same object): a store that saves what changed compares records by identity.
   */
  records(): ArticleTimeline[] {
    return this.all.map((record) => {
      const { fresh, use } = this.tables.get(record)!;
      const unchanged = record.memo !== undefined && use.computed === 0 && use.recalled === Object.keys(record.memo).length;
      return unchanged ? record : { ...record, memo: fresh };
    });
  }
}

function revive<T>(value: unknown): T {
  return (value === null ? undefined : value) as T;
}
