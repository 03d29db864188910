// Process start until the first answer, as `npm start` does it: config, model, index (built or loaded), one ask.
const input = JSON.parse(process.argv[2] ?? '{}') as { dataDir: string; corpusDir?: string };
const entered = performance.now();
const { report } = await import('../lib/child.ts');
const { benchConfig, DEV_QUESTIONS } = await import('../lib/setup.ts');
const { openDossier } = await import('../../src/core/open-dossier.ts');
const imported = performance.now();
const dossier = await openDossier(benchConfig(input.dataDir, input.corpusDir), {
  notice: () => {},
  warn: (m) => console.error(`warning: ${m}`),
});
const opened = performance.now();
const answer = await dossier.ask(DEV_QUESTIONS[0]!);
const answered = performance.now();
await dossier.close();
// performance.now() counts from the process's start (its time origin), so node and tsx start-up are included.
report({
  firstAnswerMs: Math.round(answered),
  phases: {
    nodeAndTsx: Math.round(entered),
    imports: Math.round(imported - entered),
    openIndex: Math.round(opened - imported),
    firstAsk: Math.round(answered - opened),
  },
  built: dossier.opened.built !== undefined,
  chunks: dossier.info().chunks,
  abstained: answer.abstained,
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
});
