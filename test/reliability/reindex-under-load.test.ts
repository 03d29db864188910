import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Answer } from '../../src/answer/types.ts';
import { type Dossier } from '../../src/core/dossier.ts';
import { createDossier } from '../../src/core/facade.ts';
import { IndexError } from '../../src/errors.ts';
import {
  ADDED_SOURCE,
  changeCorpus,
  fakeDeps,
  fingerprint,
  HashedEmbeddings,
  makeWorkspace,
  REMOVED_SOURCE,
  type Workspace,
} from '../core/fakes.ts';

/** The hashed encoder, slowed down like a real one so that questions and the build interleave. */
class SlowEmbeddings extends HashedEmbeddings {
  private calls = 0;
  override async embedQuery(text: string): Promise<number[]> {
    await sleep(100 + ((this.calls++ * 37) % 200));
    return super.embedQuery(text);
  }
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    await sleep(15);
    return super.embedDocuments(texts);
  }
}

const QUESTIONS = [
  'Where was Viktor Bout arrested?',
  'What did the lighthouse keeper see?',
  'Does Russia intend to intercede for Bout?',
  'What did Bout tell Trump?',
  'Why did Russia cite virus fears?',
  'How many years was Bout sentenced to?',
  'Who was Bout exchanged for?',
  'What did the lighthouse keeper say about the crates?',
];

const texts = (dir: string) => new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

describe('reindexing while questions are being answered', () => {
  let ws: Workspace;
  let dossier: Dossier;

  beforeEach(async () => {
    ws = makeWorkspace();
    dossier = await createDossier(fakeDeps(ws.config, { embeddings: new SlowEmbeddings() }));
  });
  afterEach(() => ws.cleanup());

  it('GIVEN 50 questions in flight WHEN a reindex of a changed corpus completes THEN every question is answered wholly from the old or the new index', async () => {
    const oldCorpus = texts(ws.corpusDir);
    changeCorpus(ws);
    const newCorpus = texts(ws.corpusDir);
    const corpusBefore = fingerprint(ws.corpusDir);

    const asks: Promise<Answer>[] = [];
    let reindex: Promise<unknown> | undefined;
    let reindexDone = false;
    let settled = 0;
    let inFlightAtSwap = 0;
    for (let i = 0; i < 50; i++) {
      if (i === 5) {
        reindex = dossier.reindex().finally(() => {
          reindexDone = true;
          inFlightAtSwap = asks.length - settled;
        });
      }
      // Questions keep coming until the new index takes over (however long the build takes on this machine),
      // so some are in flight at the swap; the last ten are asked after it.
      for (let extra = 0; i === 40 && !reindexDone && extra < 1_000; extra++) {
        asks.push(dossier.ask(QUESTIONS[extra % QUESTIONS.length]!).finally(() => settled++));
        await sleep(10);
      }
      asks.push(dossier.ask(QUESTIONS[i % QUESTIONS.length]!).finally(() => settled++));
      await sleep(5);
    }
    const [summary, ...answers] = await Promise.allSettled([reindex!, ...asks]);

    assert.equal(summary!.status, 'fulfilled', String((summary as PromiseRejectedResult).reason));
    // The property needs questions straddling the swap; how many depends on how busy the machine is (6 at a load
    // average of 20 on two cores, where timers stretch), so only their presence is required.
    assert.ok(inFlightAtSwap >= 1, `${inFlightAtSwap} questions were in flight when the new index took over`);
    assert.deepEqual((summary as PromiseFulfilledResult<{ added: string[]; removed: string[] }>).value, {
      ...(summary as PromiseFulfilledResult<object>).value,
      added: [ADDED_SOURCE],
      removed: [REMOVED_SOURCE],
    });
    const failed = answers.filter((a) => a.status === 'rejected').map((a) => String((a as PromiseRejectedResult).reason));
    assert.deepEqual(failed, [], 'no question fails');

    // Each answer must fit one corpus; those naming the removed or the added article show which index they used.
    const fromIndex = { old: 0, new: 0 };
    for (const { value: answer } of answers as PromiseFulfilledResult<Answer>[]) {
      const seen = [...new Set([...answer.retrieved.map((r) => r.source), ...answer.citations.map((c) => c.source)])];
      const fits = (corpus: Map<string, string>) =>
        seen.every((source) => corpus.has(source)) && answer.citations.every(({ source, quote }) => corpus.get(source)?.includes(quote));
      assert.ok(fits(oldCorpus) || fits(newCorpus), `"${answer.question}" does not fit one index: ${seen}`);
      if (seen.includes(REMOVED_SOURCE)) fromIndex.old++;
      if (seen.includes(ADDED_SOURCE)) fromIndex.new++;
    }
    assert.ok(fromIndex.old >= 3 && fromIndex.new >= 3, `answered from old ${fromIndex.old}, new ${fromIndex.new}`);
    assert.deepEqual(
      dossier.sources().map((s) => s.source),
      [...newCorpus.keys()].sort(),
    );
    assert.deepEqual(fingerprint(ws.corpusDir), corpusBefore, 'the corpus is never modified');
  });

  it('GIVEN a reindex running WHEN a second one is asked for in the same process THEN it is refused with IndexError(busy) and the first completes', async () => {
    changeCorpus(ws);
    const first = dossier.reindex();
    const second = await dossier.reindex().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(second instanceof IndexError);
    assert.equal(second.reason, 'busy');
    assert.equal(second.message, 'A reindex is already running; its progress is shown below.');
    assert.equal((await first).rebuilt, true);
    assert.equal(dossier.reindexProgress(), undefined);
  });
});
