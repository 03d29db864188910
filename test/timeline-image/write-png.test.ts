import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PNG } from 'pngjs';
import { UserError } from '../../src/errors.ts';
import { parseTheme } from '../../src/timeline-image/themes.ts';
import { pictureTitle } from '../../src/timeline-image/title.ts';
import { writeTimelinePng } from '../../src/timeline-image/write-png.ts';
import { EVENTS } from './events.ts';

test('GIVEN events WHEN written to a file THEN the file is the PNG, and no temporary file is left', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-png-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const image = await writeTimelinePng(join(dir, 'timeline.png'), EVENTS, { theme: 'dark' });
  const written = await readFile(join(dir, 'timeline.png'));
  assert.deepEqual(written, image.png);
  assert.equal(PNG.sync.read(written).width, 1200);
  assert.deepEqual(await readdir(dir), ['timeline.png']);
});

test('GIVEN no events WHEN asked to write THEN a UserError says so and no file is created', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-png-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, 'none.png');
  await assert.rejects(
    writeTimelinePng(file, [], {}),
    (e) => e instanceof UserError && e.message === `No dated events match these filters, so ${file} was not written.`,
  );
  assert.deepEqual(await readdir(dir), []);
});

test('GIVEN a folder that does not exist WHEN asked to write THEN the error names the file and what to check', async () => {
  const file = join(tmpdir(), 'dossier-no-such-folder', 'x.png');
  await assert.rejects(
    writeTimelinePng(file, EVENTS, {}),
    (e) => e instanceof UserError && e.message === `Could not write ${file}: ENOENT. Check that its folder exists and is writable.`,
  );
});

test('GIVEN theme names WHEN parsed THEN light and dark are accepted, light is the default, others are refused', () => {
  assert.deepEqual([parseTheme(undefined), parseTheme('light'), parseTheme('dark')], ['light', 'light', 'dark']);
  assert.throws(
    () => parseTheme('blue'),
    (e) => e instanceof UserError && e.message === 'Unknown theme "blue": use light or dark.',
  );
  assert.throws(() => parseTheme('toString'), UserError);
});

test('GIVEN filters WHEN the picture is titled THEN the title names each given filter', () => {
  assert.equal(pictureTitle({}), 'Timeline');
  assert.equal(
    pictureTitle({ from: '2010', to: '2012', topic: 'extradition', source: undefined, person: ' Bout ' }),
    'Timeline — from 2010 · to 2012 · topic “extradition” · person “Bout”',
  );
});
