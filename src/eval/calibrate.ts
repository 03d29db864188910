import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CALIBRATION_VERSION, calibrationFile, ENCODER_INDEPENDENT, type Calibration } from '../answer/calibration.ts';
import { loadConfigFromDotenv } from '../config.ts';
import { describeError } from '../errors.ts';
import { loadEmbeddings } from '../index/embeddings/load.ts';
import { fitParameters, type Figures } from './cross-validate.ts';
import { loadLabelledSets } from './labelled.ts';
import { prepareSets } from './prepare.ts';
import { crossValidatedReport, figuresTable } from './report.ts';

/**
 * `npm run calibrate [eval/sets.json]`: fits the sentence ranker and the answer decision for the configured
 * encoder on every labelled set, reports cross-validated figures (whole sets and whole articles held out) and
 * writes calibration/<encoder>.json. With the packaged encoder it also fits the encoder-independent calibration
 * that encoders without their own file fall back to.
 */
async function main(): Promise<void> {
  const config = loadConfigFromDotenv();
  const registry = process.argv[2] ?? 'eval/sets.json';
  const embeddings = await loadEmbeddings(config.embeddings, (m) => console.error(m));
  const sets = loadLabelledSets(registry);
  const dataRoot = join(tmpdir(), 'dossier-calibrate', embeddings.modelId.replace(/[^A-Za-z0-9]+/g, '-'));
  const items = await prepareSets(sets, config, embeddings, dataRoot, (m) => console.error(m));
  // Two feature sets are fitted for the encoder: with its dense similarities and without them (a weak encoder's
  // cosines can add more noise than signal). The one handling more questions right with whole sets
  // and whole articles held out (the two fold kinds together: either alone swings by a few questions between fits)
  // is kept; the encoder-independent file, the fallback for encoders with none, is always the one without.
  const withDense = crossValidatedReport(items, { encoderIndependent: false });
  const withoutDense = crossValidatedReport(items, { encoderIndependent: true });
  const handledIn = (all: Figures) => all.accuracy * all.answerable + all.declined * all.unanswerable;
  const handled = (report: typeof withDense) => handledIn(report.bySet.all!) + handledIn(report.byArticle.all!);
  const ownWithoutDense = handled(withoutDense) > handled(withDense);
  const variants = [{ encoder: embeddings.modelId, encoderIndependent: ownWithoutDense, report: ownWithoutDense ? withoutDense : withDense }];
  if (embeddings.modelId.startsWith('use-lite:')) variants.push({ encoder: ENCODER_INDEPENDENT, encoderIndependent: true, report: withoutDense });
  for (const { report: other, label } of [{ report: withDense, label: 'with dense similarity' }, { report: withoutDense, label: 'without dense similarity' }]) {
    console.log(`\n${embeddings.modelId}, features ${label} (${items.length} questions from ${sets.map((s) => s.name).join(', ')})`);
    console.log(figuresTable('cross-validated, set held out', other.bySet));
    console.log(figuresTable('cross-validated, article held out', other.byArticle));
  }
  for (const variant of variants) {
    const calibration: Calibration = {
      version: CALIBRATION_VERSION,
      encoder: variant.encoder,
      fittedAt: new Date().toISOString(),
      ...fitParameters(items, variant),
      crossValidated: { features: variant.encoderIndependent ? 'without dense similarity' : 'with dense similarity', ...variant.report },
    };
    const file = calibrationFile(variant.encoder);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(calibration, null, 2)}\n`);
    console.log(`Wrote ${file} (${calibration.crossValidated && variant.encoderIndependent ? 'without' : 'with'} dense similarity, threshold ${calibration.threshold.toFixed(3)}, keep ratio ${calibration.keepRatio}, ranker penalty ${calibration.rankerPenalty}, decision steps ${calibration.decisionSteps}).`);
  }
}

main().catch((error: unknown) => {
  console.error(`error: ${describeError(error)}`);
  process.exitCode = 1;
});
