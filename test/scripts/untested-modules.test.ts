import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { REPOSITORY, untestedModules } from '../../scripts/untested-modules.ts';

test('GIVEN the repository THEN every module of src/answer, src/retrieve and src/timeline is imported by a unit test', () => {
  assert.deepEqual(untestedModules(REPOSITORY), []);
});

test('GIVEN modules imported only by a slow test, or by nothing, THEN they are listed; type imports and re-exports count', () => {
  const root = mkdtempSync(join(tmpdir(), 'dossier-untested-'));
  const write = (path: string, text = '') => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  try {
    for (const module of ['a', 'b', 'c', 'd', 'e']) write(`src/answer/${module}.ts`);
    write('src/retrieve/hybrid.ts');
    write('src/timeline/deep/f.ts');
    write('test/answer/a.test.ts', "import { a } from '../../src/answer/a.ts';\nimport type { B } from '../../src/answer/b.ts';");
    write('test/answer/c.slow.test.ts', "import '../../src/answer/c.ts';");
    write(
      'test/retrieve/hybrid.test.ts',
      "export * from '../../src/retrieve/hybrid.ts';\nconst e = await import('../../src/answer/e.ts');",
    );
    write('test/helper.ts', "import '../src/answer/d.ts';");
    assert.deepEqual(untestedModules(root), ['src/answer/c.ts', 'src/answer/d.ts', 'src/timeline/deep/f.ts']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
