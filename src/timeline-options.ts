import type { TimelineQuery } from './timeline/types.ts';
import { UserError } from './errors.ts';

const KEYS = ['from', 'to', 'topic', 'source'] as const;

/** Parses "from:2010 to:2012 topic:extradition" (the terminal's /timeline syntax) into a query. */
export function parseTimelineOptions(text: string): TimelineQuery {
  const query: TimelineQuery = {};
  const pattern = /(\w+):("[^"]*"|\S+(?:\s+(?!\w+:)\S+)*)/g;
  const rest = text.replace(pattern, (_, key: string, value: string) => {
    if (!(KEYS as readonly string[]).includes(key)) throw new UserError(`Unknown timeline option "${key}". Use from:, to:, topic: or source:.`, 'BAD_OPTION');
    query[key as (typeof KEYS)[number]] = value.replace(/^"|"$/g, '').trim();
    return '';
  });
  if (rest.trim()) throw new UserError(`Could not read "${rest.trim()}". Example: /timeline from:2010 to:2012 topic:extradition`, 'BAD_OPTION');
  return query;
}
