import { loadCorpus } from '../corpus/load.ts';
import { extractEvents } from './extract.ts';
const { articles } = await loadCorpus('corpus', { maxFileBytes: 2_000_000 });
for (const e of extractEvents(articles)) if (e.sources.some((s) => s.source.startsWith("001"))) console.log(e.date, e.summary.slice(0, 50), '\n   ', e.resolution);
