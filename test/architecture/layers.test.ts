import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cycles, importGraph } from './imports.ts';

// The layers, lowest first (the README's Architecture section draws them), each a list of parts; a part is a
// folder or a group of root modules. A module may import its own part and any lower layer, never a higher one;
// parts sharing a layer do not import each other.
const LAYERS: string[][][] = [
  [['src/config.ts', 'src/config-names.ts', 'src/errors.ts', 'src/logger.ts'], ['src/math/'], ['src/text/'], ['src/files/']],
  [['src/corpus/']],
  [['src/index/'], ['src/timeline/'], ['src/ingest/']],
  [['src/retrieve/'], ['src/timeline-image/']],
  [['src/answer/']],
  [['src/core/']],
  [['src/eval/'], ['src/discord/'], ['src/terminal/']],
  [['commands/'], ['src/cli/']],
  [['src/main.ts'], ['src/deploy-commands.ts']],
];

function placeOf(module: string): { layer: number; part: string } | undefined {
  for (const [layer, parts] of LAYERS.entries()) {
    const part = parts.find((prefixes) =>
      prefixes.some((prefix) => (prefix.endsWith('/') ? module.startsWith(prefix) : module === prefix)),
    );
    if (part) return { layer, part: part.join(',') };
  }
  return undefined;
}

const graph = importGraph(['src', 'commands']);

test('GIVEN the sources WHEN their imports are drawn THEN no module is outside the layers', () => {
  assert.deepEqual(
    [...graph.keys()].filter((module) => !placeOf(module)),
    [],
  );
});

test('GIVEN the sources WHEN their imports are drawn THEN there is no cycle', () => {
  assert.deepEqual(cycles(graph), []);
});

test('GIVEN the sources WHEN their imports are drawn THEN no arrow points from a lower layer to a higher one or sideways', () => {
  const wrong: string[] = [];
  for (const [module, targets] of graph) {
    const from = placeOf(module)!;
    for (const target of targets) {
      const to = placeOf(target);
      if (!to || to.part === from.part) continue;
      if (to.layer >= from.layer) wrong.push(`${module} → ${target}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('GIVEN the answerer WHEN its imports are drawn THEN it reads the index only through its own interfaces (answer/sources.ts)', () => {
  const reaching = [...graph]
    .filter(([module]) => module.startsWith('src/answer/'))
    .flatMap(([module, targets]) => targets.filter((target) => target.startsWith('src/index/')).map((target) => `${module} → ${target}`));
  assert.deepEqual(reaching, []);
});
