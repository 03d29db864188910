import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfigFromDotenv, SETTING_NAMES } from '../../src/config.ts';
import { settingNameWarnings } from '../../src/config-names.ts';
import type { Workspace } from '../core/fakes.ts';
import { cli, cliWorkspace } from './cli-harness.ts';

describe('setting names in .env', () => {
  it('GIVEN misspelt, lower-case and unknown names in .env THEN each is warned about with the name probably meant', () => {
    assert.deepEqual(
      settingNameWarnings(SETTING_NAMES, ['EMBEDING_MODEL', 'data_dir', 'DISCORD_TOKN', 'MAX_FILE_BYTE', 'FAVOURITE_COLOUR', 'CORPUS_DIR']),
      [
        '.env: EMBEDING_MODEL is not a Dossier setting and is ignored; did you mean EMBEDDING_MODEL?',
        '.env: data_dir is ignored: setting names are upper case; write DATA_DIR.',
        '.env: DISCORD_TOKN is not a Dossier setting and is ignored; did you mean DISCORD_TOKEN?',
        '.env: MAX_FILE_BYTE is not a Dossier setting and is ignored; did you mean MAX_FILE_BYTES?',
        '.env: FAVOURITE_COLOUR is not a Dossier setting and is ignored (.env.example lists every setting).',
      ],
    );
  });

  it('GIVEN .env.example copied as .env THEN every name in it is a setting (no warning)', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const keys = [...example.matchAll(/^#?\s?([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]!);
    assert.ok(keys.length >= SETTING_NAMES.length, `${keys.length} names in .env.example`);
    assert.deepEqual(settingNameWarnings(SETTING_NAMES, keys), []);
    assert.deepEqual(
      SETTING_NAMES.filter((name) => !keys.includes(name)),
      [],
    );
  });

  it('GIVEN the README settings table THEN it lists every setting', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('| setting | default | meaning |'), readme.indexOf('**Embeddings offline.**'));
    assert.deepEqual(
      SETTING_NAMES.filter((name) => !table.includes(`\`${name}\``)),
      [],
    );
  });

  it("GIVEN the environment WHEN checked THEN only names differing from a setting by case are warned about (it holds other programs' variables)", () => {
    assert.deepEqual(settingNameWarnings(SETTING_NAMES, [], ['PATH', 'HOME', 'Data_Dir', 'DATA_DIRS', 'LOG_LEVEL']), [
      'The environment variable Data_Dir is ignored: setting names are upper case; set DATA_DIR.',
    ]);
  });

  it('GIVEN a .env WHEN loaded THEN its values apply, the environment wins over it, and ignored names are reported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-dotenv-'));
    try {
      writeFileSync(
        join(dir, '.env'),
        'CHUNK_SIZE=900\nMAX_FILE_BYTES=5000\nembeddings=use-lite\n# a comment\nDISCORD_TOKEN="MTAwMDAwMDAwMDAwMDAwMDAx.Emulat.a-quoted-token-in-dotenv-file"\n',
      );
      const warnings: string[] = [];
      const config = loadConfigFromDotenv({ cwd: dir, env: { MAX_FILE_BYTES: '7000' }, warn: (message) => warnings.push(message) });
      assert.equal(config.chunking.size, 900);
      assert.equal(config.maxFileBytes, 7000);
      assert.equal(config.embeddings.kind, 'auto');
      // dotenv removes quotes around a value, so a quoted token in .env is the bare token (as the README says).
      assert.equal(config.discord.token, 'MTAwMDAwMDAwMDAwMDAwMDAx.Emulat.a-quoted-token-in-dotenv-file');
      assert.deepEqual(warnings, ['.env: embeddings is ignored: setting names are upper case; write EMBEDDINGS.']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dossier with a .env', () => {
  let ws: Workspace;
  before(() => {
    ws = cliWorkspace('DATA_DIRR=elsewhere\nLOG_LEVEL=warn\n');
  });
  after(() => ws.cleanup());

  it('GIVEN a misspelt name in .env WHEN a command runs THEN it warns once with the name meant, and still runs', async () => {
    const run = await cli(ws, ['sources']);
    assert.equal(run.code, 0);
    assert.equal(run.stderr.split('\n')[0], 'warning: .env: DATA_DIRR is not a Dossier setting and is ignored; did you mean DATA_DIR?');
    assert.equal(run.stderr.match(/DATA_DIRR/g)?.length, 1);
  });

  it('GIVEN --help WHEN run THEN settings are not even read', async () => {
    const run = await cli(ws, ['--help']);
    assert.equal(run.stderr, '');
  });
});
