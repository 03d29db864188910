/**
 * `npm run eval:encoders [-- file]` and `npm run bench:encoders [-- bench options]`: run `npm run eval` (or the
 * benchmark) once with the packaged encoder (EMBEDDINGS=use-lite) and once with transformers.js
 * (EMBEDDINGS=transformers, EMBEDDING_MODEL from MODELS_DIR, never downloaded), each in its own temporary
 * DATA_DIR, then print every number of the two JSON reports side by side, labelled with the encoder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compareReports, renderComparison } from './compare-reports.ts';

const ENCODERS = ['use-lite', 'transformers'] as const;
const [what, ...rest] = process.argv.slice(2);
const modelsDir = resolve(process.env.MODELS_DIR?.trim() || 'models');
const model = process.env.EMBEDDING_MODEL?.trim() || 'Xenova/all-MiniLM-L6-v2';

function main(): void {
  if (what !== 'eval' && what !== 'bench') throw new Error('usage: compare-encoders.ts eval [file] | bench [bench options]');
  const onnx = join(modelsDir, model, 'onnx');
  if (!['model.onnx', 'model_quantized.onnx'].some((file) => existsSync(join(onnx, file)))) {
    throw new Error(
      `No ${model} in MODELS_DIR=${modelsDir} (looked for ${onnx}/model.onnx). Run \`MODELS_DIR=${modelsDir} npm run models:fetch\` first.`,
    );
  }
  const work = mkdtempSync(join(tmpdir(), `dossier-${what}-encoders-`));
  try {
    const reports = ENCODERS.map((encoder) => ({ label: encoder, report: run(encoder, join(work, encoder)) }));
    console.log(
      `\n${what === 'eval' ? 'Evaluation' : 'Benchmark'} by encoder (use-lite: packaged Universal Sentence Encoder lite; transformers: ${model} from ${modelsDir})`,
    );
    // Per-question answers are the report's detail, not its figures.
    console.log(renderComparison(compareReports(reports, { skip: /(^|\.)answers(\.|\[|$)/ })));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs eval or bench with one encoder in its own DATA_DIR (bench makes its own) and returns its JSON report. */
function run(encoder: (typeof ENCODERS)[number], dir: string): unknown {
  const env = {
    ...process.env,
    EMBEDDINGS: encoder,
    EMBEDDING_MODEL: model,
    MODELS_DIR: modelsDir,
    ALLOW_REMOTE_MODELS: 'false',
    LLM_PROVIDER: 'none',
    DATA_DIR: join(dir, 'data'),
  };
  const out = join(dir, 'bench.json');
  const args = what === 'eval' ? ['src/eval/run-eval.ts', ...rest] : ['bench/bench.ts', ...rest, '--encoder', encoder, '--out', out];
  console.log(`\n== ${what} with EMBEDDINGS=${encoder} ==`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...args], { env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${what} with EMBEDDINGS=${encoder} failed (exit code ${result.status ?? result.signal})`);
  return JSON.parse(readFileSync(what === 'eval' ? join(dir, 'data', 'eval-report.json') : out, 'utf8'));
}

try {
  main();
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
