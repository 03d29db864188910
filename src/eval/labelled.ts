import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { EvalQuestion } from './metrics.ts';

/** One labelled question set and the corpus its answers come from (the entries of eval/sets.json). */
export interface LabelledSet {
  name: string;
  file: string;
  corpusDir: string;
  questions: EvalQuestion[];
}

/** Reads eval/sets.json (or another registry) and every set it lists; corpus paths are relative to the registry. */
export function loadLabelledSets(registry: string): LabelledSet[] {
  const base = dirname(resolve(registry));
  const entries = JSON.parse(readFileSync(registry, 'utf8')) as { name: string; file: string; corpus: string }[];
  return entries.map((entry) => ({
    name: entry.name,
    file: join(base, entry.file),
    corpusDir: join(base, entry.corpus),
    questions: JSON.parse(readFileSync(join(base, entry.file), 'utf8')) as EvalQuestion[],
  }));
}

/** A question the corpus answers (it lists facts the answer must contain). */
export function isAnswerable(question: EvalQuestion): boolean {
  return question.must_contain_any.length > 0;
}
