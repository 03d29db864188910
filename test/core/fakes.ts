/**
 * Fast, deterministic stand-ins for the core's slow parts, shared by the core and reliability tests: a hashed
 * bag-of-words encoder instead of the real model, a timeline that finds nothing, and temp corpus/data folders.
 */
import { loadCalibration } from '../../src/answer/calibration.ts';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadConfig, type Config } from '../../src/config.ts';
import { type CoreDeps, type TimelineModule } from '../../src/core/deps.ts';
import type { LocalEmbeddings } from '../../src/index/embeddings/types.ts';

/** A copy of the five articles the repository ships, so that articles a user adds to `corpus/` never change a test. */
export const FIXTURE_CORPUS = join(import.meta.dirname, '../fixtures/corpus');

/** Hashes each lower-cased word to one of `dimensions` signed axes; unit length, same text → same vector. */
export class HashedEmbeddings implements LocalEmbeddings {
  constructor(
    readonly dimensions = 64,
    readonly modelId = `fake:hashed-${dimensions}`,
  ) {}

  embedSync(text: string): number[] {
    const vector = new Array<number>(this.dimensions).fill(0);
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
      const digest = createHash('md5').update(word).digest();
      vector[digest.readUInt32LE(0) % this.dimensions]! += digest[4]! & 1 ? 1 : -1;
    }
    const norm = Math.hypot(...vector);
    // A wordless text still gets a unit vector: cosine with a zero vector is NaN.
    if (norm === 0) return vector.map((_, i) => (i === 0 ? 1 : 0));
    return vector.map((value) => value / norm);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embedSync(text));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedSync(text);
  }
}

/** A timeline stage that extracts no events; the data tests are about the index, not dates. */
export const noTimeline: TimelineModule = {
  extract: async () => ({ events: [], records: [], extracted: [], ms: { extract: 0, assemble: 0 }, computed: 0 }),
  save: async () => {},
  load: async () => [],
  select: () => [],
};

/** A temp folder holding `corpus/` (a copy of the real corpus unless `empty`) and `data/`, removed by `cleanup`. */
export interface Workspace {
  root: string;
  corpusDir: string;
  dataDir: string;
  config: Config;
  cleanup(): void;
}

export function makeWorkspace(options: { empty?: boolean; env?: Record<string, string> } = {}): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'dossier-test-'));
  const corpusDir = join(root, 'corpus');
  const dataDir = join(root, 'data');
  if (options.empty) mkdirSync(corpusDir);
  else cpSync(FIXTURE_CORPUS, corpusDir, { recursive: true });
  const config = loadConfig({ CORPUS_DIR: corpusDir, DATA_DIR: dataDir, ...options.env });
  return { root, corpusDir, dataDir, config, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Facade dependencies over a workspace, collecting warnings. */
export function fakeDeps(config: Config, overrides: Partial<CoreDeps> = {}): CoreDeps & { warnings: string[] } {
  const warnings: string[] = [];
  const embeddings = new HashedEmbeddings();
  return {
    config,
    embeddings,
    calibration: loadCalibration(embeddings.modelId),
    timeline: noTimeline,
    warn: (message) => warnings.push(message),
    warnings,
    ...overrides,
  };
}

/** Every file under `dir` with its sha256 and mtime, to assert that Dossier never modified a corpus. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile())
        out[relative(dir, path)] = `${createHash('sha256').update(readFileSync(path)).digest('hex')} ${statSync(path).mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

/** The file `changeCorpus` removes, and the one it adds. */
export const REMOVED_SOURCE = '004_91ab4689b524ca48.txt';
export const ADDED_SOURCE = '005_added-lighthouse.txt';

/** Turns a workspace's corpus into a changed one: one article removed, one new article added. Returns both file lists. */
export function changeCorpus(ws: Workspace): { before: string[]; after: string[] } {
  const before = readdirSync(ws.corpusDir).sort();
  rmSync(join(ws.corpusDir, REMOVED_SOURCE));
  writeFileSync(
    join(ws.corpusDir, ADDED_SOURCE),
    'Lighthouse keeper testifies in Bout hearing\n\n' +
      'A lighthouse keeper from Phuket told the court on Tuesday that he saw the cargo plane land at night. ' +
      'The lighthouse keeper said the crates were unloaded by six men. ' +
      'Prosecutors said the lighthouse testimony supports the arms trafficking charges.\n',
  );
  return { before, after: readdirSync(ws.corpusDir).sort() };
}
