import type { ArticleTimeline } from './article-timeline.ts';
import type { AssemblyState } from './assembly-state.ts';

// What is read back from disk is checked before use: a record or state that does not have the shape the assembly
// reads is dropped (its article is extracted again, the word weights are fitted again), never an error.

/** True for a stored per-article extraction with every field assembly reads. */
export function recordWellFormed(record: ArticleTimeline): boolean {
  return (
    typeof record?.checksum === 'string' &&
    typeof record.source === 'string' &&
    Array.isArray(record.events) &&
    Array.isArray(record.pending) &&
    typeof record.names === 'object' &&
    record.names !== null &&
    (record.memo === undefined || (typeof record.memo === 'object' && record.memo !== null && !Array.isArray(record.memo)))
  );
}

/** True for a stored assembly state with every field the next assembly reads. */
export function stateWellFormed(state: unknown): state is AssemblyState {
  const value = state as AssemblyState | undefined;
  const counts = (item: unknown) =>
    typeof (item as { n?: unknown })?.n === 'number' && Array.isArray((item as { counts?: unknown }).counts);
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof value.fitted === 'number' &&
    typeof value.drift === 'number' &&
    typeof value.sizes === 'object' &&
    value.sizes !== null &&
    counts(value.weights?.merge) &&
    counts(value.weights?.pin) &&
    counts(value.weights?.year) &&
    typeof value.dating === 'object' &&
    value.dating !== null &&
    Array.isArray(value.dating.years) &&
    Array.isArray(value.dating.looked) &&
    typeof value.dating.yearless === 'object' &&
    typeof value.dating.windows === 'object' &&
    typeof value.merge?.years === 'object' &&
    typeof value.merge?.events === 'object'
  );
}
