import { distance } from 'fastest-levenshtein';
import { UsageError } from '../errors.ts';

/**
 * Checks a source filter against the corpus's file names (a full name or its start, as the timeline matches
 * them). @throws UsageError naming the unknown source, the closest file names and where to list them all.
 */
export function checkSourceName(name: string, sources: string[], option: string, listCommand: string): void {
  const wanted = name.trim();
  if (sources.some((source) => source === wanted || source.startsWith(wanted))) return;
  const closest = sources
    .map((source) => ({ source, d: distance(wanted.toLowerCase(), source.toLowerCase().slice(0, Math.max(wanted.length, 1))) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .filter(({ d }) => d <= Math.max(2, Math.floor(wanted.length / 3)))
    .map(({ source }) => source);
  const hint = closest.length > 0 ? ` Did you mean ${closest.join(', ')}?` : '';
  throw new UsageError(
    `Unknown source "${wanted}" (${option}): no article in the corpus has that file name.${hint} ${listCommand} lists them.`,
    'UNKNOWN_SOURCE',
  );
}
