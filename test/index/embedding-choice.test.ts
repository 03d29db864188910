// Slow-ish: loads the packaged encoder (about a second) three times.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { CHOICE_FILE, chooseEmbeddings } from '../../src/index/embedding-choice.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'dossier-choice-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));
// A model that exists nowhere, and no download allowed: the transformers.js attempt fails without any network.
const config = loadConfig({ DATA_DIR: dataDir, EMBEDDINGS: 'auto', EMBEDDING_MODEL: 'nobody/no-such-model', ALLOW_REMOTE_MODELS: 'false' });

async function choose(retry = false) {
  const notices: string[] = [];
  const warnings: string[] = [];
  const embeddings = await chooseEmbeddings(config, { notice: (m) => notices.push(m), warn: (m) => warnings.push(m), retry });
  return { modelId: embeddings.modelId, notices, warnings };
}

test('GIVEN EMBEDDINGS=auto and a model that cannot be had WHEN opened twice THEN the fallback is warned about once, with the fix, and remembered', async () => {
  const first = await choose();
  assert.equal(first.modelId, 'use-lite:en');
  assert.equal(first.warnings.length, 1);
  assert.match(
    first.warnings[0]!,
    /^Embedding model nobody\/no-such-model unavailable \(.+\); falling back to the packaged Universal Sentence Encoder lite\. /,
  );
  assert.ok(
    first.warnings[0]!.endsWith(
      `To stay offline without this attempt set EMBEDDINGS=use-lite; to use the model, put a copy in MODELS_DIR (see the README's "Embeddings offline"). This choice is remembered in ${join(dataDir, CHOICE_FILE)}; \`dossier index --force\` tries the model again.`,
    ),
    first.warnings[0],
  );
  const saved = JSON.parse(readFileSync(join(dataDir, CHOICE_FILE), 'utf8'));
  assert.equal(saved.fallback, 'use-lite:en');
  assert.equal(saved.model, 'nobody/no-such-model');

  const second = await choose();
  assert.equal(second.modelId, 'use-lite:en');
  assert.deepEqual(second.warnings, []);
  assert.deepEqual(second.notices, [
    `Embeddings: use-lite:en (512 dimensions), remembered since ${saved.decidedAt.slice(0, 10)} when nobody/no-such-model could not be loaded; \`dossier index --force\` tries it again`,
  ]);
});

test('GIVEN a remembered fallback WHEN asked to retry (index --force) THEN the model is tried again and the outcome remembered anew', async () => {
  const retried = await choose(true);
  assert.equal(retried.warnings.length, 1);
  assert.ok(existsSync(join(dataDir, CHOICE_FILE)));
});

test('GIVEN other settings for the model WHEN opened THEN the remembered choice does not apply to them', async () => {
  const other = loadConfig({
    DATA_DIR: dataDir,
    EMBEDDINGS: 'auto',
    EMBEDDING_MODEL: 'nobody/another-model',
    ALLOW_REMOTE_MODELS: 'false',
  });
  const warnings: string[] = [];
  await chooseEmbeddings(other, { notice: () => {}, warn: (m) => warnings.push(m) });
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /^Embedding model nobody\/another-model unavailable/);
});
