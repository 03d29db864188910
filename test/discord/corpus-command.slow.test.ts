// Slow model test: moderators change the corpus from Discord (real discord.js client, loopback emulator, real core
// with the packaged offline encoder) on a temp copy of the corpus; pages come from a local HTTP server on 127.0.0.1.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import type { Dossier } from '../../src/core/dossier.ts';
import { readAudit } from '../../src/ingest/audit.ts';
import { openDossier } from '../../src/core/open-dossier.ts';
import { copySharedIndex } from '../fixtures/shared-index.ts';
import { fingerprint, FIXTURE_CORPUS } from '../core/fakes.ts';
import { ALICE, GENERAL_CHANNEL_ID, MANAGER_PERMISSIONS, MEMBER_PERMISSIONS, MOD } from './emulator-fixtures.ts';
import type { RecordedRequest } from './emulator.ts';
import { callbackOf, editOf, startHarness, type Harness } from './harness.ts';

const EPHEMERAL = 64;
const MAX_FILE_BYTES = '60000';
const PAGE = readFileSync(join(import.meta.dirname, '../fixtures/pages/harbour-fine.html'));
const DAM = [
  'Brennar Valley dam opens after six years of construction',
  '',
  'The Brennar Valley dam was opened on Monday by the regional governor after six years of construction and two lawsuits from farmers downstream.',
  '',
  'The dam was designed by the Austrian engineer Ilse Marquardt, whose firm also built the two reservoirs above the valley.',
  '',
  'Officials said the dam will supply drinking water to four hundred thousand people and generate electricity for the northern towns.',
  '',
].join('\n');

describe('/corpus on the real core', () => {
  let bot: CorpusBot;
  let root: string;
  let corpusDir: string;
  let dossier: Dossier;
  let h: Harness<Dossier>;
  let site: string;
  before(async () => {
    bot = await startCorpusBot(
      'dossier-corpus-cmd-',
      (req, res) => {
        if (req.url === '/news/harbour-fine') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
        else if (req.url === '/logo.png') res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]));
        else if (req.url === '/moved') res.writeHead(302, { location: '/news/harbour-fine' }).end();
        else res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
      },
      { URL_FETCH_ALLOW_PRIVATE: 'true' },
    );
    ({ root, corpusDir, dossier, h, site } = bot);
  });
  after(() => bot?.close());

  const add = (
    what: { url?: string; file?: { filename: string; content: Buffer | string } },
    user = MOD,
    permissions = MANAGER_PERMISSIONS,
  ) =>
    h.emulator.command({
      user,
      name: 'corpus',
      subcommand: 'add',
      options: what.url ? { url: what.url } : {},
      attachments: what.file ? { file: what.file } : {},
      permissions,
      channelId: GENERAL_CHANNEL_ID,
    });
  const ask = async (question: string) => {
    const { token } = h.emulator.command({
      user: ALICE,
      name: 'ask',
      options: { question },
      permissions: MEMBER_PERMISSIONS,
      channelId: GENERAL_CHANNEL_ID,
    });
    return (await h.emulator.waitForRequest(editOf(token), 60_000)).body!.embeds[0];
  };
  /** Waits for the preview, clicks "Add to the corpus" and returns the final message. */
  const confirm = async (token: string) => {
    const preview = await h.emulator.waitForRequest(editOf(token), 60_000);
    const messageId = h.emulator.state.interactions.get(token)!.originalId!;
    const click = h.emulator.click({
      user: MOD,
      customId: preview.body!.components[0].components[0].custom_id,
      messageId,
      permissions: MANAGER_PERMISSIONS,
      channelId: GENERAL_CHANNEL_ID,
    });
    const done = await h.emulator.waitForRequest(
      (r: RecordedRequest) => editOf(click.token)(r) && /^Added/.test(String(r.body?.content)),
      60_000,
      'the "Added" edit',
    );
    return { preview: preview.body!, done: String(done.body!.content) };
  };
  const newFiles = () => readdirSync(corpusDir).filter((name) => !name.startsWith('00'));

  it(
    'GIVEN a moderator WHEN they add a news page by URL and confirm THEN only the article text is kept, and a question only it answers is answered citing it',
    { timeout: 120_000 },
    async () => {
      const { token } = add({ url: `${site}/moved` });
      const { preview, done } = await confirm(token);

      assert.equal(h.emulator.requestsFor(token)[0]!.body!.data.flags, EPHEMERAL);
      const embed = preview.embeds[0];
      assert.equal(embed.title, 'Port Alder fines Koval Lines over oil spill');
      assert.deepEqual(
        embed.fields.slice(0, 3).map((f: { value: string }) => f.value),
        ['The Coastal Courier', '2024-03-21', 'Mara Lindqvist'],
      );
      assert.match(
        embed.description,
        /^> Port Alder fines Koval Lines over oil spill\n> Source: The Coastal Courier\n> By Mara Lindqvist\n> The harbour authority of Port Alder fined/,
      );
      const [file] = newFiles();
      assert.match(
        done,
        new RegExp(
          `^Added \`${file!.replace(/\./g, '\\.')}\` \\(Port Alder fines Koval Lines over oil spill\\): \\d+ chunks, 7 sentences embedded`,
        ),
      );
      const text = readFileSync(join(corpusDir, file!), 'utf8');
      assert.match(
        text,
        /^# Port Alder fines Koval Lines over oil spill\nSource: The Coastal Courier\nBy Mara Lindqvist\ndate 2024-03-21\nOriginal URL:\n<http:\/\/127\.0\.0\.1:\d+\/news\/harbour-fine>\n\nThe harbour authority/,
      );
      for (const chrome of [
        'Zephyr',
        'Bluewater',
        'Subscribe',
        'Related stories',
        'got off lightly',
        'sailor_88',
        'Cookie settings',
        'Ferry strike',
      ])
        assert.equal(text.includes(chrome), false, chrome);

      const answer = await ask('How much did the harbour authority of Port Alder fine Koval Lines?');
      assert.match(answer.description, /2\.4 million euros/);
      assert.match(
        answer.fields[0].value,
        new RegExp(`^\\[1\\] \`${file!.replace(/\./g, '\\.')}\` — Port Alder fines Koval Lines over oil spill`),
      );
    },
  );

  it(
    'GIVEN a moderator WHEN they attach a .txt article and confirm THEN a question only it answers is answered citing it, and the audit log records both additions',
    { timeout: 120_000 },
    async () => {
      const { token } = add({ file: { filename: 'dam.txt', content: DAM } });
      await confirm(token);
      const file = newFiles().find((name) => name.startsWith('brennar'))!;
      assert.equal(readFileSync(join(corpusDir, file), 'utf8'), DAM);

      const answer = await ask('Who designed the Brennar Valley dam?');
      assert.match(answer.description, /Ilse Marquardt/);
      assert.match(answer.fields[0].value, new RegExp(`^\\[1\\] \`${file.replace(/\./g, '\\.')}\``));
      const audit = await readAudit(join(root, 'data'));
      assert.deepEqual(
        audit.map((e) => 'action' in e && [e.action, e.actor.via, e.actor.id]),
        [
          ['add', 'discord', MOD.id],
          ['add', 'discord', MOD.id],
        ],
      );
    },
  );

  it('GIVEN the added page WHEN a moderator removes it THEN the question is no longer answered from it', { timeout: 120_000 }, async () => {
    const file = newFiles().find((name) => name.startsWith('port-alder'))!;
    const suggest = h.emulator.autocomplete({
      user: MOD,
      name: 'corpus',
      subcommand: 'remove',
      focused: 'article',
      value: 'koval',
      permissions: MANAGER_PERMISSIONS,
      channelId: GENERAL_CHANNEL_ID,
    });
    const choices = await h.emulator.waitForRequest(callbackOf(suggest.token));
    assert.deepEqual(choices.body!.data.choices, [{ name: 'Port Alder fines Koval Lines over oil spill', value: file }]);

    const { token } = h.emulator.command({
      user: MOD,
      name: 'corpus',
      subcommand: 'remove',
      options: { article: file },
      permissions: MANAGER_PERMISSIONS,
      channelId: GENERAL_CHANNEL_ID,
    });
    const removed = await h.emulator.waitForRequest(editOf(token), 60_000);
    assert.match(removed.body!.content, new RegExp(`^Removed \`${file.replace(/\./g, '\\.')}\``));
    assert.equal(readdirSync(corpusDir).includes(file), false);

    const answer = await ask('How much did the harbour authority of Port Alder fine Koval Lines?');
    assert.equal(JSON.stringify(answer).includes(file), false);
    assert.doesNotMatch(answer.description, /2\.4 million/);
  });

  it('GIVEN a member without Manage Server or a moderator role WHEN they run /corpus add THEN they are refused and nothing changes', async () => {
    const before = fingerprint(corpusDir);
    const { token } = add({ url: `${site}/news/harbour-fine` }, ALICE, MEMBER_PERMISSIONS);
    const reply = await h.emulator.waitForRequest(callbackOf(token));
    assert.equal(reply.body!.data.flags, EPHEMERAL);
    assert.equal(reply.body!.data.content, 'Only moderators can add articles: it needs the Manage Server permission or a moderator role.');
    assert.deepEqual(fingerprint(corpusDir), before);
  });

  it(
    'GIVEN bad files and URLs WHEN a moderator adds them THEN each is refused with a clear message and the corpus and index are unchanged',
    { timeout: 120_000 },
    async () => {
      const before = fingerprint(corpusDir);
      // An in-place change keeps the index folder and bumps the sequence number in current.json.
      const index = indexState(join(root, 'data'), dossier);
      const cases: [Parameters<typeof add>[0], RegExp][] = [
        [{ file: { filename: 'empty.txt', content: '' } }, /^empty\.txt was refused: the file is empty\.$/],
        [
          { file: { filename: 'scan.txt', content: Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]) } },
          /^scan\.txt was refused: it is a binary file, not text\.$/,
        ],
        [
          { file: { filename: 'big.txt', content: 'word '.repeat(13_000) } },
          /^big\.txt was refused: it is 65000 bytes, over the 60000-byte limit \(MAX_FILE_BYTES\)\.$/,
        ],
        [{ file: { filename: 'report.pdf', content: '%PDF-1.7' } }, /^report\.pdf was refused: it is not a readable PDF/],
        [
          { file: { filename: 'photo.jpg', content: 'x' } },
          /^photo\.jpg was refused: \.jpg files are not articles\. Attach a \.txt, \.md, \.html or \.pdf file\.$/,
        ],
        [
          { file: { filename: 'dam-again.txt', content: DAM } },
          /^This article is already in the corpus as brennar-valley-dam-opens-after-six-years-of-construction-[0-9a-f]{10}\.txt \(“Brennar Valley dam opens after six years of construction”\); nothing was added\.$/,
        ],
        [{ url: `${site}/logo.png` }, /is image\/png, not a web page or text/],
        [{ url: `${site}/missing` }, /answered HTTP 404; check the address\.$/],
        [{ url: 'ftp://example.com/article' }, /^Only http and https addresses can be fetched, not ftp:$/],
        [{}, /^Give either a file \(\.txt, \.md, \.html or \.pdf\) or a url, not both and not neither\.$/],
      ];
      for (const [input, message] of cases) {
        const { token } = add(input);
        const edit = await h.emulator.waitForRequest(editOf(token), 30_000);
        assert.match(String(edit.body!.content), message);
        assert.deepEqual(edit.body!.components, []);
      }
      assert.deepEqual(fingerprint(corpusDir), before);
      assert.deepEqual(indexState(join(root, 'data'), dossier), index);
    },
  );

  it('GIVEN the corpus WHEN anyone runs /corpus list THEN each article shows with its outlet, date and chunk count', async () => {
    const { token } = h.emulator.command({
      user: ALICE,
      name: 'corpus',
      subcommand: 'list',
      permissions: MEMBER_PERMISSIONS,
      channelId: GENERAL_CHANNEL_ID,
    });
    const reply = await h.emulator.waitForRequest(callbackOf(token));
    const embed = reply.body!.data.embeds[0];
    assert.equal(embed.title, 'Corpus: 6 articles');
    assert.match(
      embed.description,
      /`004_91ab4689b524ca48\.txt` — Russia Intends to Intercede for Bout · The Moscow Times · 2012-04-08 · \d+ chunks/,
    );
    assert.match(embed.description, /`brennar-valley-dam[^`]+` — Brennar Valley dam opens after six years of construction · \d+ chunks/);

    const show = h.emulator.command({
      user: ALICE,
      name: 'corpus',
      subcommand: 'show',
      options: { article: '004_91ab4689b524ca48.txt' },
      permissions: MEMBER_PERMISSIONS,
      channelId: GENERAL_CHANNEL_ID,
    });
    const shown = (await h.emulator.waitForRequest(callbackOf(show.token))).body!.data.embeds[0];
    assert.equal(shown.title, 'Russia Intends to Intercede for Bout');
    assert.deepEqual(
      shown.fields.slice(0, 4).map((f: { value: string }) => f.value),
      ['004\\_91ab4689b524ca48.txt', 'The Moscow Times', 'Alexander Bratersky', '2012-04-08'],
    );
  });
});

describe('/corpus add with URL_FETCH_ALLOW_PRIVATE unset', () => {
  let bot: CorpusBot;
  let root: string;
  let corpusDir: string;
  let dossier: Dossier;
  let port: number;
  let h: Harness<Dossier>;
  before(async () => {
    // A real page on loopback: what is refused is the address, not an unreachable server.
    bot = await startCorpusBot('dossier-corpus-private-', (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
    );
    ({ root, corpusDir, dossier, h, port } = bot);
  });
  after(() => bot?.close());

  it(
    'GIVEN URLs of loopback, private and link-local addresses WHEN a moderator adds them THEN each is refused naming the setting, and the corpus and index are unchanged',
    { timeout: 120_000 },
    async () => {
      const before = fingerprint(corpusDir);
      const index = indexState(join(root, 'data'), dossier);
      const cases: [string, RegExp][] = [
        [
          `http://127.0.0.1:${port}/news/harbour-fine`,
          /^127\.0\.0\.1 resolves to 127\.0\.0\.1, a loopback, private or link-local address: refused\. An operator can allow such addresses with URL_FETCH_ALLOW_PRIVATE=true/,
        ],
        [
          `http://localhost:${port}/news/harbour-fine`,
          /^localhost resolves to (127\.0\.0\.1|::1), a loopback, private or link-local address: refused\./,
        ],
        ['http://10.1.2.3/news', /^10\.1\.2\.3 resolves to 10\.1\.2\.3, a loopback, private or link-local address: refused\./],
        [
          'http://169.254.169.254/latest/meta-data/',
          /^169\.254\.169\.254 resolves to 169\.254\.169\.254, a loopback, private or link-local address: refused\./,
        ],
        [`http://[::1]:${port}/news/harbour-fine`, /resolves to ::1, a loopback, private or link-local address: refused\./],
      ];
      for (const [url, message] of cases) {
        const { token } = h.emulator.command({
          user: MOD,
          name: 'corpus',
          subcommand: 'add',
          options: { url },
          permissions: MANAGER_PERMISSIONS,
          channelId: GENERAL_CHANNEL_ID,
        });
        const edit = await h.emulator.waitForRequest(editOf(token), 30_000);
        assert.match(String(edit.body!.content), message, url);
        assert.deepEqual(edit.body!.components, []);
      }
      assert.deepEqual(fingerprint(corpusDir), before);
      assert.deepEqual(indexState(join(root, 'data'), dossier), index);
    },
  );
});

/** What a committed change would alter: current.json (index folder and change sequence) and the article list. */
function indexState(dataDir: string, dossier: Dossier) {
  return { current: readFileSync(join(dataDir, 'current.json'), 'utf8'), sources: dossier.sources() };
}

/** The bot on the real core over a copy of the fixture corpus, with a local web server for the URLs it fetches. */
interface CorpusBot {
  root: string;
  corpusDir: string;
  dossier: Dossier;
  h: Harness<Dossier>;
  port: number;
  site: string;
  close(): Promise<void>;
}

async function startCorpusBot(prefix: string, serve: RequestListener, extraEnv: Record<string, string> = {}): Promise<CorpusBot> {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const corpusDir = join(root, 'corpus');
  cpSync(FIXTURE_CORPUS, corpusDir, { recursive: true });
  const pages = createServer(serve).listen(0, '127.0.0.1');
  await new Promise((resolve) => pages.once('listening', resolve));
  const port = (pages.address() as AddressInfo).port;
  await copySharedIndex(join(root, 'data'));
  const env = { CORPUS_DIR: corpusDir, DATA_DIR: join(root, 'data'), EMBEDDINGS: 'use-lite', MAX_FILE_BYTES, ...extraEnv };
  const dossier = await openDossier(loadConfig(env), { notice: () => {}, warn: () => {} });
  const h = await startHarness({ dossier, env });
  const close = async () => {
    await h.close();
    await dossier.close();
    pages.close();
    rmSync(root, { recursive: true, force: true });
  };
  return { root, corpusDir, dossier, h, port, site: `http://127.0.0.1:${port}`, close };
}
