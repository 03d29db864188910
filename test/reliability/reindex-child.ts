/**
 * A separate process running one reindex, for the crash-safety and lock tests. Usage:
 *   node --import tsx test/reliability/reindex-child.ts <dataDir> <corpusDir> [pauseAt]
 * `pauseAt` is a build checkpoint ('locked', 'written:hnswlib.index', 'built', 'renamed', 'swapped') or
 * 'embedded:N' (once the build's embed calls have returned N vectors). There the child prints `PAUSED <point>` and waits for a line on stdin,
 * so the parent can SIGKILL it at that exact point or let it go on. It prints `DONE <dir>` or `ERROR <json>`.
 */
import { createInterface } from 'node:readline';
import { writeSync } from 'node:fs';
import { loadConfig } from '../../src/config.ts';
import { IndexError } from '../../src/errors.ts';
import { reindex } from '../../src/core/build.ts';
import { HashedEmbeddings, noTimeline } from '../core/fakes.ts';

const [dataDir, corpusDir, pauseAt = ''] = process.argv.slice(2);
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
// Written synchronously: the parent may kill the process right after reading it.
const say = (line: string) => writeSync(1, `${line}\n`);

async function pause(point: string): Promise<void> {
  if (point !== pauseAt) return;
  say(`PAUSED ${point}`);
  await lines.next();
}

const embeddings = new HashedEmbeddings();
const pauseAfter = pauseAt.startsWith('embedded:') ? Number(pauseAt.slice('embedded:'.length)) : Infinity;
let paused = false;

/** Embeds in batches of 8 like a slow model would, pausing once `pauseAfter` vectors are done. */
async function embed(texts: string[], onBatch: (done: number) => void): Promise<number[][]> {
  const vectors: number[][] = [];
  for (let i = 0; i < texts.length; i += 8) {
    vectors.push(...(await embeddings.embedDocuments(texts.slice(i, i + 8))));
    onBatch(vectors.length);
    if (!paused && vectors.length >= pauseAfter) {
      paused = true;
      await pause(pauseAt);
    }
  }
  return vectors;
}

try {
  const config = loadConfig({ DATA_DIR: dataDir, CORPUS_DIR: corpusDir });
  const { dir } = await reindex({ config, embeddings, timeline: noTimeline, embed, checkpoint: pause }, undefined);
  say(`DONE ${dir}`);
  process.exit(0);
} catch (error) {
  const { name, message } = error as Error;
  say(`ERROR ${JSON.stringify({ name, message, reason: error instanceof IndexError ? error.reason : undefined })}`);
  process.exit(1);
}
