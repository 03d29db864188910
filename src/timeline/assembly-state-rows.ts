import type { AssemblyState } from './assembly-state.ts';

/** One piece of an assembly state, as stored: a section and a key within it. */
export interface StateRow {
  section: string;
  key: string;
  value: unknown;
}

// The parts of the state that hold one entry per article, year, cluster or merged event: each entry is its own
// row, so that a change that alters a few of them writes a few rows. The rest (the word weights, fitted again
// only past the drift, and a few numbers and date lists) is one row each.
const KEYED = {
  sizes: (state: AssemblyState) => state.sizes,
  yearless: (state: AssemblyState) => state.dating.yearless,
  windows: (state: AssemblyState) => state.dating.windows,
  'merge.years': (state: AssemblyState) => state.merge.years,
  'merge.decisions': (state: AssemblyState) => state.merge.decisions,
  'merge.events': (state: AssemblyState) => state.merge.events,
} as const satisfies Record<string, (state: AssemblyState) => Record<string, unknown>>;
const WHOLE = ['weights', 'fitted', 'drift', 'years', 'looked'] as const;
type Whole = (typeof WHOLE)[number];

/** The rows an assembly state is stored as. */
export function stateRows(state: AssemblyState): StateRow[] {
  const rows = wholeRows(state);
  for (const [section, part] of keyedParts(state)) for (const [key, value] of Object.entries(part)) rows.push({ section, key, value });
  return rows;
}

/** The rows of the pieces of a state stored whole, one each. */
export function wholeRows(state: AssemblyState): StateRow[] {
  const whole: Record<Whole, unknown> = {
    weights: state.weights,
    fitted: state.fitted,
    drift: state.drift,
    years: state.dating.years,
    looked: state.dating.looked,
  };
  return WHOLE.map((key) => ({ section: 'state', key, value: whole[key] }));
}

/** The parts of a state stored an entry a row, by section: each entry's key within its part is its row's. */
export function keyedParts(state: AssemblyState): Map<string, Readonly<Record<string, unknown>>> {
  return new Map(Object.entries(KEYED).map(([section, part]) => [section, part(state)]));
}

/** How many rows `stateRows` gives for `state`, without making them. */
export function stateRowCount(state: AssemblyState): number {
  let count = WHOLE.length;
  for (const part of keyedParts(state).values()) count += Object.keys(part).length;
  return count;
}

/** Whether rows of `section` belong to an assembly state. */
export function isStateSection(section: string): boolean {
  return section === 'state' || section in KEYED;
}

/** The state stored as `rows` (unchecked: the caller checks its shape), or undefined when none was stored. */
export function stateFromRows(rows: Iterable<StateRow>): unknown {
  const whole = new Map<string, unknown>();
  const keyed = Object.fromEntries(Object.keys(KEYED).map((section) => [section, {} as Record<string, unknown>]));
  for (const { section, key, value } of rows) {
    if (section === 'state') whole.set(key, value);
    else if (keyed[section]) keyed[section][key] = value;
  }
  if (whole.size === 0) return undefined;
  return {
    weights: whole.get('weights'),
    fitted: whole.get('fitted'),
    drift: whole.get('drift'),
    sizes: keyed.sizes,
    dating: { years: whole.get('years'), looked: whole.get('looked'), yearless: keyed.yearless, windows: keyed.windows },
    merge: { years: keyed['merge.years'], decisions: keyed['merge.decisions'], events: keyed['merge.events'] },
  };
}
