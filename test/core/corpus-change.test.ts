import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Dossier } from '../../src/core/dossier.ts';
import { createDossier } from '../../src/core/facade.ts';
import { loadIndex } from '../../src/index/artifact.ts';
import { currentIndexDir } from '../../src/index/location.ts';
import { readAudit } from '../../src/ingest/audit.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { timelineModule } from '../../src/core/open-dossier.ts';
import { extractEvents } from '../../src/timeline/extract.ts';
import { loadTimeline } from '../../src/timeline/store.ts';
import { fakeDeps, fingerprint, HashedEmbeddings, makeWorkspace, type Workspace } from './fakes.ts';

const ARTICLE = [
  '# Lighthouse keeper testifies at the cargo hearing',
  'Source: Harbour Gazette',
  'date 2021-06-04',
  '',
  'A lighthouse keeper from the northern cape told the court on Tuesday that he saw the cargo plane land at night without its lights.',
  '',
  'The lighthouse keeper said that six men unloaded the wooden crates and drove them away in two grey lorries before dawn.',
  '',
  'The judge adjourned the hearing until the following Monday so that the defence could question the lighthouse keeper again.',
  '',
].join('\n');
const actor = { via: 'cli' as const, id: 'tester' };

/**
 * What a full build and an incremental change must agree on: every article with its chunks, sentences and their
 * vectors, and the timeline (row ids differ: a change appends the new article's rows, a build numbers them in order).
 */
async function contentOf(dataDir: string, embeddings: HashedEmbeddings) {
  const dir = (await currentIndexDir(dataDir))!;
  const artifact = await loadIndex(dir, embeddings);
  const chunks = Array.from({ length: artifact.dense.stored }, (_, id) => artifact.chunk(id)).filter((chunk) => chunk !== undefined);
  const sentences = artifact
    .sentenceIds()
    .map((id) => ({ ...artifact.sentence(id)!, id: undefined, vector: Array.from(artifact.sentenceVector(id)) }));
  const byKey = <T extends { source: string }>(list: T[], key: (item: T) => string) =>
    [...list].sort((a, b) => key(a).localeCompare(key(b)));
  const content = {
    files: artifact.manifest.files,
    counts: artifact.manifest.counts,
    articles: [...artifact.articles.values()],
    chunks: byKey(chunks, (chunk) => chunk.id),
    sentences: byKey(sentences, (s) => `${s.source}:${String(s.start).padStart(8, '0')}`),
    timeline: await loadTimeline(dir),
  };
  artifact.close();
  return content;
}

/** The timeline of every article of the folder extracted from scratch, as stored (JSON). */
async function freshTimeline(corpusDir: string) {
  return JSON.parse(JSON.stringify(extractEvents((await loadCorpus(corpusDir, { maxFileBytes: 2_000_000 })).articles)));
}

describe('questions during a corpus change', () => {
  it('GIVEN an article being added WHEN questions come meanwhile THEN they are answered from the current index, a second change is refused, and the other vectors are untouched after the swap', async () => {
    const ws = makeWorkspace();
    const embeddings = new HashedEmbeddings();
    let release!: () => void;
    let hold: Promise<void> | undefined;
    const deps = fakeDeps(ws.config, { embeddings, embed: async (texts) => (await hold, embeddings.embedDocuments(texts)) });
    const dossier = await createDossier(deps);
    try {
      const before = (await loadIndex((await currentIndexDir(ws.dataDir))!, embeddings)).dense.index;
      const labels = before.getIdsList();
      const prepared = await dossier.prepareArticle({ kind: 'file', name: 'lighthouse.md', bytes: Buffer.from(ARTICLE) });
      hold = new Promise((resolve) => (release = resolve));
      const adding = dossier.addArticle(prepared, actor);
      await new Promise((resolve) => setTimeout(resolve, 50));

      assert.equal(
        (await dossier.search('lighthouse keeper cargo plane', 10)).some((hit) => hit.source === prepared.source),
        false,
      );
      assert.ok((await dossier.search('Viktor Bout arrested', 3)).length > 0);
      await assert.rejects(
        dossier.removeArticle('004_91ab4689b524ca48.txt', actor),
        /^IndexError: A reindex or another corpus change is running; try again when it has finished\.$/,
      );
      release();
      await adding;

      assert.equal((await dossier.search('lighthouse keeper cargo plane', 3))[0]!.source, prepared.source);
      const after = (await loadIndex((await currentIndexDir(ws.dataDir))!, embeddings)).dense.index;
      assert.deepEqual(
        after
          .getIdsList()
          .filter((label) => labels.includes(label))
          .sort((a, b) => a - b),
        [...labels].sort((a, b) => a - b),
      );
      for (const label of labels) assert.deepEqual(after.getPoint(label), before.getPoint(label));
      assert.equal(after.getCurrentCount(), labels.length + dossier.sources().find((s) => s.source === prepared.source)!.chunks);
    } finally {
      await dossier.close();
      ws.cleanup();
    }
  });
});

describe('adding and removing one article', () => {
  let ws: Workspace;
  let dossier: Dossier;
  const embedded: string[] = [];
  const embeddings = new HashedEmbeddings();
  before(async () => {
    ws = makeWorkspace();
    const deps = fakeDeps(ws.config, {
      embeddings,
      timeline: timelineModule,
      embed: async (texts) => (embedded.push(...texts), embeddings.embedDocuments(texts)),
    });
    dossier = await createDossier(deps);
    embedded.length = 0;
  });
  after(async () => {
    await dossier.close();
    ws.cleanup();
  });

  it('GIVEN a built index WHEN a moderator adds an article file THEN only its sentences are embedded, it is searchable, audited, and the index equals a full rebuild', async () => {
    const prepared = await dossier.prepareArticle({ kind: 'file', name: 'lighthouse.md', bytes: Buffer.from(ARTICLE) });
    assert.equal(prepared.source, `lighthouse-keeper-testifies-at-the-cargo-hearing-${prepared.hash.slice(0, 10)}.md`);
    assert.deepEqual(prepared.article.meta, {
      title: 'Lighthouse keeper testifies at the cargo hearing',
      outlet: 'Harbour Gazette',
      date: '2021-06-04',
    });

    const summary = await dossier.addArticle(prepared, actor);

    assert.deepEqual(
      embedded,
      prepared.article.sentences.map((s) => s.text),
    );
    assert.equal(summary.embedded, prepared.article.sentences.length);
    assert.equal(readFileSync(join(ws.corpusDir, prepared.source), 'utf8'), ARTICLE);
    const hits = await dossier.search('lighthouse keeper cargo plane', 3);
    assert.equal(hits[0]!.source, prepared.source);
    assert.ok((await dossier.timeline({ source: prepared.source })).length > 0);
    const audit = await readAudit(ws.dataDir);
    assert.deepEqual(
      audit.map((entry) => 'action' in entry && [entry.action, entry.source, entry.checksum, entry.actor.id]),
      [['add', prepared.source, prepared.hash, 'tester']],
    );

    const incremental = await contentOf(ws.dataDir, embeddings);
    // Only the added article was read for the timeline; the others' stored events were merged with its own,
    // giving the timeline a fresh extraction of every article gives.
    assert.deepEqual(summary.timeline.extracted, [prepared.source]);
    assert.deepEqual(incremental.timeline, await freshTimeline(ws.corpusDir));
    await dossier.reindex({ force: true });
    assert.deepEqual(await contentOf(ws.dataDir, embeddings), { ...incremental, timeline: incremental.timeline });
  });

  it('GIVEN the same text again WHEN it is prepared THEN it is refused naming the existing article, and nothing changes', async () => {
    const corpus = fingerprint(ws.corpusDir);
    const index = await indexState(ws.dataDir, dossier);
    const again = ARTICLE.replace('Source: Harbour Gazette', 'Source: Another Paper');
    await assert.rejects(
      dossier.prepareArticle({ kind: 'file', name: 'copy.txt', bytes: Buffer.from(again) }),
      /^UserError: This article is already in the corpus as lighthouse-keeper-testifies-at-the-cargo-hearing-[0-9a-f]{10}\.md \(“Lighthouse keeper testifies at the cargo hearing”\); nothing was added\.$/,
    );
    assert.deepEqual(fingerprint(ws.corpusDir), corpus);
    assert.deepEqual(await indexState(ws.dataDir, dossier), index);
  });

  it('GIVEN the added article WHEN it is removed THEN its file moves to DATA_DIR/removed-articles, search no longer finds it, and the index equals a full rebuild', async () => {
    const source = dossier.sources().find((s) => s.title?.startsWith('Lighthouse'))!.source;
    embedded.length = 0;
    const summary = await dossier.removeArticle(source, actor);

    assert.equal(summary.embedded, 0);
    assert.deepEqual(embedded, []);
    assert.equal(readdirSync(ws.corpusDir).includes(source), false);
    assert.equal(readdirSync(join(ws.dataDir, 'removed-articles')).length, 1);
    assert.equal(
      (await dossier.search('lighthouse keeper cargo plane', 10)).some((hit) => hit.source === source),
      false,
    );
    assert.equal(dossier.sources().length, 5);
    assert.deepEqual(summary.timeline.extracted, []);
    const incremental = await contentOf(ws.dataDir, embeddings);
    assert.deepEqual(incremental.timeline, await freshTimeline(ws.corpusDir));
    await dossier.reindex({ force: true });
    assert.deepEqual(await contentOf(ws.dataDir, embeddings), incremental);
    assert.deepEqual(
      (await readAudit(ws.dataDir)).map((entry) => 'action' in entry && entry.action),
      ['add', 'remove'],
    );
  });

  it('GIVEN empty, binary, oversized and PDF files and an unknown article WHEN added or removed THEN each is refused with its reason and the corpus and index are unchanged', async () => {
    const corpus = fingerprint(ws.corpusDir);
    const index = await indexState(ws.dataDir, dossier);
    const refusals: [string, Buffer, RegExp][] = [
      ['empty.txt', Buffer.alloc(0), /^empty\.txt was refused: the file is empty\.$/],
      ['blank.md', Buffer.from('  \n\n '), /^blank\.md was refused: the file holds only white space\.$/],
      ['photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), /^photo\.txt was refused: it is a binary file, not text\.$/],
      [
        'huge.txt',
        Buffer.alloc(ws.config.maxFileBytes + 1, 'a'),
        new RegExp(
          `^huge\\.txt was refused: it is ${ws.config.maxFileBytes + 1} bytes, over the ${ws.config.maxFileBytes}-byte limit \\(MAX_FILE_BYTES\\)\\.$`,
        ),
      ],
      ['report.pdf', Buffer.from('%PDF-1.4'), /^report\.pdf was refused: it is not a readable PDF \(/],
      [
        'latin1.txt',
        Buffer.from('Caf\xe9 r\xe9union\n', 'latin1'),
        /^latin1\.txt was refused: it is not UTF-8 text \(save it as UTF-8\)\.$/,
      ],
      ['menu.html', Buffer.from('<html><body><nav><a href="/">Home</a></nav></body></html>'), /^No article text was found in the page/],
    ];
    for (const [name, bytes, message] of refusals) {
      await assert.rejects(
        dossier.prepareArticle({ kind: 'file', name, bytes }),
        (error: Error) => error.name === 'UserError' && message.test(error.message),
        name,
      );
    }
    await assert.rejects(dossier.removeArticle('no-such-article.txt', actor), /No article named no-such-article\.txt in the corpus/);
    assert.deepEqual(fingerprint(ws.corpusDir), corpus);
    assert.deepEqual(await indexState(ws.dataDir, dossier), index);
  });
});

/** What a committed change would alter: current.json (index folder and change sequence), the article list, the timeline. */
async function indexState(dataDir: string, dossier: Dossier) {
  const dir = JSON.parse(readFileSync(join(dataDir, 'current.json'), 'utf8')) as { index: string };
  return {
    current: readFileSync(join(dataDir, 'current.json'), 'utf8'),
    sources: dossier.sources(),
    timeline: await loadTimeline(join(dataDir, dir.index)),
  };
}
