import { loadCorpus } from '../corpus/load.ts';
import { extractEvents } from './extract.ts';
const dir = process.argv[2]!;
const { articles } = await loadCorpus(dir, { maxFileBytes: 2_000_000 });
const t = Date.now();
const events = extractEvents(articles);
console.log('ms', Date.now() - t, 'events', events.length);
for (const e of events) console.log(e.date, e.kind, e.approximate ? '~' : '', '|', e.summary, '|', e.sources.map((s) => s.source.slice(0, 3)).join(','), '|', e.people.join(';'), '|', e.places.join(';'), e.conflict ? 'CONFLICT ' + e.conflict : '');
