// cold-start.ts from the compiled dist/ in plain Node, as `npm start` runs the bot when dist/ is current (bin/launch.js):
// process start until the first answer, with no TypeScript loader. JavaScript, since nothing may compile it first.
import { readFileSync } from 'node:fs';

const input = JSON.parse(process.argv[2] ?? '{}');
const entered = performance.now();
const root = new URL('../../', import.meta.url);
const { loadConfig } = await import(new URL('dist/src/config.js', root).href);
const { openDossier } = await import(new URL('dist/src/core/open-dossier.js', root).href);
const imported = performance.now();
// The settings of bench/lib/setup.ts's benchConfig (the packaged encoder, no LLM, nothing read from .env).
const config = loadConfig(
  { DATA_DIR: input.dataDir, CORPUS_DIR: input.corpusDir, EMBEDDINGS: 'use-lite', LLM_PROVIDER: 'none', MAX_FILE_BYTES: '20000000' },
  root.pathname,
);
const question = JSON.parse(readFileSync(new URL('eval/dev_qa.json', root), 'utf8'))[0].question;
const dossier = await openDossier(config, { notice: () => {}, warn: (m) => console.error(`warning: ${m}`) });
const opened = performance.now();
const answer = await dossier.ask(question);
const answered = performance.now();
await dossier.close();
process.stdout.write(
  `BENCH-RESULT ${JSON.stringify({
    firstAnswerMs: Math.round(answered),
    phases: {
      node: Math.round(entered),
      imports: Math.round(imported - entered),
      openIndex: Math.round(opened - imported),
      firstAsk: Math.round(answered - opened),
    },
    built: dossier.opened.built !== undefined,
    chunks: dossier.info().chunks,
    abstained: answer.abstained,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
