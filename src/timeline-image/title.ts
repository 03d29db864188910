// Filters whose values are dates read without quotes.
const DATES = new Set(['from', 'to', 'around']);

/**
 * The picture's heading from the filters that chose its events, e.g. "Timeline — from 2010 · to 2012 ·
 * topic “extradition”". Any filter works: keys are shown as they are named.
 */
export function pictureTitle(filters: object): string {
  const parts = Object.entries(filters)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '')
    .map(([key, value]) => (DATES.has(key) ? `${key} ${value.trim()}` : `${key} “${value.trim()}”`));
  return parts.length ? `Timeline — ${parts.join(' · ')}` : 'Timeline';
}
