import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  CALIBRATION_VERSION,
  calibrationDir,
  calibrationFile,
  ENCODER_INDEPENDENT,
  loadCalibration,
} from '../../src/answer/calibration.ts';

const dir = mkdtempSync(join(tmpdir(), 'dossier-calibration-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const fitted = (encoder: string, threshold: number) => ({
  version: CALIBRATION_VERSION,
  encoder,
  fittedAt: '2026-01-01T00:00:00.000Z',
  ranker: { features: ['coverage'], mean: [0], scale: [1], weights: [1, 0] },
  decision: { features: ['topLogit'], mean: [0], scale: [1], weights: [1, 0] },
  threshold,
  keepRatio: 0.8,
});
writeFileSync(calibrationFile(ENCODER_INDEPENDENT, dir), JSON.stringify(fitted(ENCODER_INDEPENDENT, 0.5)));
writeFileSync(calibrationFile('use-lite:en', dir), JSON.stringify(fitted('use-lite:en', 0.4)));

test('GIVEN a model id WHEN its calibration file is named THEN every run of characters unsafe in a file name becomes "--"', () => {
  assert.equal(calibrationFile('transformers:Xenova/all-MiniLM-L6-v2', '/c'), '/c/transformers--Xenova--all-MiniLM-L6-v2.json');
  assert.equal(calibrationFile('use-lite:en', '/c'), '/c/use-lite--en.json');
});

test('GIVEN a calibration fitted for the encoder THEN it is used, not the fallback', () => {
  const loaded = loadCalibration('use-lite:en', dir);
  assert.deepEqual(loaded, { calibration: fitted('use-lite:en', 0.4), fallback: false, file: join(dir, 'use-lite--en.json') });
});

test('GIVEN no calibration for the encoder THEN the encoder-independent one stands in, marked as a fallback', () => {
  const loaded = loadCalibration('fake:hashed-64', dir);
  assert.equal(loaded.fallback, true);
  assert.equal(loaded.file, join(dir, 'encoder-independent.json'));
  assert.equal(loaded.calibration.threshold, 0.5);
});

test('GIVEN a file that is not a calibration THEN loading fails naming the file and the command that rewrites it', () => {
  writeFileSync(calibrationFile('broken', dir), JSON.stringify({ version: 2 }));
  assert.throws(() => loadCalibration('broken', dir), {
    message: `${join(dir, 'broken.json')} is not a calibration file written by npm run calibrate; run it again to rewrite it.`,
  });
});

test('GIVEN a calibration of an older format (a per-candidate ranker) THEN it is refused, not read with the new ranker', () => {
  writeFileSync(calibrationFile('older', dir), JSON.stringify({ ...fitted('older', 0.5), version: CALIBRATION_VERSION - 1 }));
  assert.throws(() => loadCalibration('older', dir), /older\.json is not a calibration file written by npm run calibrate; run it again/);
});

test('GIVEN the repository THEN the packaged offline encoder has a calibration of its own', () => {
  assert.equal(loadCalibration('use-lite:en', calibrationDir()).fallback, false);
});
