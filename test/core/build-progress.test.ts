import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReindexProgress } from '../../src/core/dossier.ts';
import { reindex } from '../../src/core/build.ts';
import { fakeDeps, makeWorkspace } from './fakes.ts';

test('GIVEN a corpus WHEN it is built THEN the chunks embedded rise to the chunk total and never past it', async () => {
  const ws = makeWorkspace();
  try {
    const reports: ReindexProgress[] = [];
    await reindex(fakeDeps(ws.config), undefined, (progress) => reports.push(progress));
    const embedding = reports.filter((p) => p.phase === 'embedding' && p.chunksTotal > 0);
    const total = embedding[0]!.chunksTotal;
    assert.ok(total > 0);
    const counts = embedding.map((p) => p.chunksEmbedded);
    assert.ok(
      counts.every((n, i) => n <= total && (i === 0 || n >= counts[i - 1]!)),
      `chunks embedded: ${counts.join(', ')} of ${total}`,
    );
    assert.equal(counts.at(-1), total);
    assert.ok(reports.filter((p) => p.phase !== 'embedding').every((p) => p.chunksEmbedded <= total));
  } finally {
    ws.cleanup();
  }
});
