/**
 * The picture's heading from the filters that chose its events, e.g. "Timeline — from 2010 · to 2012 ·
 * topic “extradition”". Any filter works: keys are shown as they are named.
 */
export function pictureTitle(filters: Readonly<Record<string, string | undefined>>): string {
  const parts = Object.entries(filters)
    .filter((entry): entry is [string, string] => Boolean(entry[1]?.trim()))
    .map(([key, value]) => (key === 'from' || key === 'to' ? `${key} ${value.trim()}` : `${key} “${value.trim()}”`));
  return parts.length ? `Timeline — ${parts.join(' · ')}` : 'Timeline';
}
