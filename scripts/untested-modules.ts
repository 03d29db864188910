// Lists the modules of src/answer, src/retrieve and src/timeline that no unit test imports, so every part of the
// answerer, the retriever and the timeline keeps a test of its own (run as a test: test/scripts/untested-modules.test.ts).
// Imports are read with TypeScript's own pre-processor, which knows every import, re-export and dynamic import form.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The folders whose every module needs a unit test. */
export const COVERED_FOLDERS = ['src/answer', 'src/retrieve', 'src/timeline'];

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, keep);
    return keep(name) ? [path] : [];
  });
}

/** Unit tests: the test files that are not slow model tests. */
export function unitTestFiles(root: string): string[] {
  return filesUnder(join(root, 'test'), (name) => name.endsWith('.test.ts') && !name.endsWith('.slow.test.ts'));
}

/** Repository-relative paths of the modules of ours a file imports. */
export function importsOf(root: string, file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => relative(root, resolve(dirname(file), name)));
}

/** The modules of COVERED_FOLDERS that no unit test imports directly, repository-relative and sorted. */
export function untestedModules(root: string): string[] {
  const imported = new Set(unitTestFiles(root).flatMap((file) => importsOf(root, file)));
  return COVERED_FOLDERS.flatMap((folder) => filesUnder(join(root, folder), (name) => name.endsWith('.ts')))
    .map((file) => relative(root, file))
    .filter((module) => !imported.has(module))
    .sort();
}

export const REPOSITORY = resolve(dirname(fileURLToPath(import.meta.url)), '..');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const missing = untestedModules(REPOSITORY);
  if (missing.length > 0) {
    console.error(`No unit test imports ${missing.length} module(s):\n${missing.map((module) => `  ${module}`).join('\n')}`);
    process.exitCode = 1;
  } else console.log(`Every module of ${COVERED_FOLDERS.join(', ')} is imported by a unit test.`);
}
