import { loadConfig } from '../src/config.ts';
import { openDossier } from '../src/open-dossier.ts';
const config = loadConfig({ DATA_DIR: '/tmp/qtmp', EMBEDDINGS: 'use-lite', CORPUS_DIR: 'test/fixtures/corpus' });
const d = await openDossier(config, { notice: () => {}, warn: () => {} });
for (const q of process.argv.slice(2)) { const a = await d.ask(q); console.log(q, '→', a.abstained, a.confidence, a.answer.slice(0, 200), a.citations.map((c) => c.source)); }
await d.close();
