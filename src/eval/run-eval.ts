import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Answer } from '../answer/types.ts';
import { loadConfigFromDotenv } from '../config.ts';
import { describeError } from '../errors.ts';
import { openDossier } from '../open-dossier.ts';
import type { RetrievalMode } from '../retrieve/hybrid.ts';
import { scoreAnswers, type EvalFigures, type EvalQuestion } from './metrics.ts';

const MODES: RetrievalMode[] = ['hybrid', 'dense', 'lexical'];

/** `npm run eval [file]`: runs an evaluation set through `ask` with each retrieval mode and prints a table. */
async function main(): Promise<void> {
  const config = loadConfigFromDotenv();
  const file = process.argv[2] ?? 'eval/dev_qa.json';
  const questions = JSON.parse(await readFile(file, 'utf8')) as EvalQuestion[];
  const dossier = await openDossier(config, { notice: (m) => console.error(m), warn: (m) => console.error(`warning: ${m}`) });
  const fileText = (source: string) => {
    try {
      return readFileSync(join(config.corpusDir, source), 'utf8');
    } catch {
      return undefined;
    }
  };
  const report: Record<string, EvalFigures & { answers: Answer[] }> = {};
  for (const mode of MODES) {
    const items = [];
    for (const question of questions) items.push({ question, answer: await dossier.ask(question.question, { retrieval: mode }) });
    report[mode] = { ...scoreAnswers(items, fileText), answers: items.map((item) => item.answer) };
  }
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const rows = [
    ['metric', ...MODES],
    ['answer accuracy', ...MODES.map((m) => percent(report[m]!.answerAccuracy))],
    ['abstention accuracy', ...MODES.map((m) => percent(report[m]!.abstentionAccuracy))],
    ['source hit@1', ...MODES.map((m) => percent(report[m]!.hitAt1))],
    ['source hit@3', ...MODES.map((m) => percent(report[m]!.hitAt3))],
    ['citation validity', ...MODES.map((m) => percent(report[m]!.citationValidity))],
    ['median answer chars', ...MODES.map((m) => String(report[m]!.medianAnswerChars))],
  ];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  console.log(`Evaluation of ${file}: ${questions.length} questions, model ${dossier.info().model}`);
  for (const row of rows) console.log(row.map((cell, col) => cell.padEnd(widths[col]!)).join('  '));
  if (report.hybrid!.failures.length) console.log(`hybrid misses: ${report.hybrid!.failures.join('; ')}`);
  const out = join(config.dataDir, 'eval-report.json');
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify({ file, model: dossier.info().model, ranAt: new Date().toISOString(), report }, null, 2));
  console.log(`Report written to ${out}`);
  await dossier.close();
}

main().catch((error: unknown) => {
  console.error(`error: ${describeError(error)}`);
  process.exitCode = 1;
});
