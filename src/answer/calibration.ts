import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LinearModel } from './linear-model.ts';

/** The calibration files' format; a file of another version is refused with a message to rewrite it. */
export const CALIBRATION_VERSION = 2;

/** The fitted answer models of one encoder, written by `npm run calibrate`. */
export interface Calibration {
  version: typeof CALIBRATION_VERSION;
  /** The embedding model id the dense features were measured with, or `encoder-independent`. */
  encoder: string;
  fittedAt: string;
  /** Ranks candidate sentences: a question's candidates' softmax of its scores, P(this one states the answer). */
  ranker: LinearModel;
  /** The ranker's L2 penalty, chosen by cross-validation; for the record. */
  rankerPenalty?: number;
  /** Decides whether to answer: P(the chosen answer is right). */
  decision: LinearModel;
  /** The decision's regularisation, chosen by cross-validation with the threshold; for the record. */
  decisionSteps?: number;
  /** Answer when the decision's probability is at least this. */
  threshold: number;
  /** A further sentence joins the answer when its ranker share is at least this share of the best one's. */
  keepRatio: number;
  /** Cross-validated figures, for the record (the README quotes them). */
  crossValidated?: unknown;
}

/** Which calibration the answerer uses, and why: shown at start-up and in /help. */
export interface LoadedCalibration {
  calibration: Calibration;
  /** True when none was fitted for this encoder and the encoder-independent one stands in. */
  fallback: boolean;
  file: string;
}

export const ENCODER_INDEPENDENT = 'encoder-independent';

/** The folder of fitted files, beside package.json (found from this module, whether run from src/ or a build). */
export function calibrationDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'calibration');
}

/** A file name for a model id ("Xenova/all-MiniLM-L6-v2" → "Xenova--all-MiniLM-L6-v2.json"). */
export function calibrationFile(encoder: string, dir = calibrationDir()): string {
  return join(dir, `${encoder.replace(/[^A-Za-z0-9._-]+/g, '--')}.json`);
}

/**
 * Loads the calibration fitted for `encoder`; with none, the encoder-independent one (fitted without dense
 * similarity, whose scale differs between encoders), which is the documented conservative default.
 * @throws Error when not even the encoder-independent file exists (a broken install).
 */
export function loadCalibration(encoder: string, dir = calibrationDir()): LoadedCalibration {
  const own = calibrationFile(encoder, dir);
  if (existsSync(own)) return { calibration: parseCalibration(own), fallback: false, file: own };
  const generic = calibrationFile(ENCODER_INDEPENDENT, dir);
  return { calibration: parseCalibration(generic), fallback: true, file: generic };
}

function parseCalibration(file: string): Calibration {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Calibration;
  if (json.version !== CALIBRATION_VERSION || !json.ranker?.weights || !json.decision?.weights || typeof json.threshold !== 'number') {
    throw new Error(`${file} is not a calibration file written by npm run calibrate; run it again to rewrite it.`);
  }
  return json;
}
