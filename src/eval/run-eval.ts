import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { loadCalibration } from '../answer/calibration.ts';
import { loadConfigFromDotenv } from '../config.ts';
import { describeError } from '../errors.ts';
import { loadEmbeddings } from '../index/embeddings/load.ts';
import { evaluate } from './cross-validate.ts';
import { loadLabelledSets } from './labelled.ts';
import { prepareSets } from './prepare.ts';
import { printTimelineEvaluation } from './timeline-eval.ts';
import { crossValidatedReport, figuresTable, perSet } from './report.ts';

/**
 * `npm run eval [eval/sets.json]`: every labelled set answered with the calibration the bot uses for the
 * configured encoder (in-sample: it was fitted on these sets), then the cross-validated figures (each set, and
 * each article's questions, answered by models fitted without them), which are the ones to trust.
 */
async function main(): Promise<void> {
  const config = loadConfigFromDotenv();
  const registry = process.argv[2] ?? 'eval/sets.json';
  const embeddings = await loadEmbeddings(config.embeddings, (m) => console.error(m));
  const loaded = loadCalibration(embeddings.modelId);
  const sets = loadLabelledSets(registry);
  const items = await prepareSets(sets, config, embeddings, join(config.dataDir, 'eval'), (m) => console.error(m));
  const deployed = perSet(evaluate(items, loaded.calibration));
  const crossValidated = crossValidatedReport(items, { encoderIndependent: loaded.fallback || !loaded.calibration.ranker.features.includes('dense') });
  console.log(`Evaluation with ${embeddings.modelId}, calibration ${loaded.file}${loaded.fallback ? ' (encoder-independent fallback)' : ''}`);
  console.log(figuresTable('as deployed (in-sample)', deployed));
  console.log(figuresTable('cross-validated, set held out', crossValidated.bySet));
  console.log(figuresTable('cross-validated, article held out', crossValidated.byArticle));
  const out = join(config.dataDir, 'eval-report.json');
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify({ registry, model: embeddings.modelId, calibration: loaded.file, ranAt: new Date().toISOString(), deployed, crossValidated }, null, 2));
  console.log(`Report written to ${out}`);
  console.log('\nTimeline against the gold lists (npm run eval:timeline):');
  await printTimelineEvaluation();
}

main().catch((error: unknown) => {
  console.error(`error: ${describeError(error)}`);
  process.exitCode = 1;
});
