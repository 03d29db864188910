import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PNG } from 'pngjs';
import { ALICE, GENERAL_CHANNEL_ID, MEMBER_PERMISSIONS } from './emulator-fixtures.ts';
import { ATTACHMENT_SIZE_LIMIT } from './emulator.ts';
import { callbackOf, editOf, startHarness, type Harness } from './harness.ts';
import { EVENTS, FakeDossier, MANY_EVENTS } from './fake-dossier.ts';
import { timelinePicture } from '../../src/discord/timeline-picture.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let h: Harness;
before(async () => {
  h = await startHarness({ dossier: new FakeDossier(MANY_EVENTS) });
});
after(() => h.close());

const timeline = (options: Record<string, string>) =>
  h.emulator.command({ user: ALICE, name: 'timeline', options, permissions: MEMBER_PERMISSIONS, channelId: GENERAL_CHANNEL_ID });

test('GIVEN picture:dark WHEN /timeline runs THEN the reply keeps its text page and attaches a dark PNG of the same events, within the upload limit', async () => {
  const { token } = timeline({ from: '2010', to: '2012', picture: 'dark' });
  const edit = await h.emulator.waitForRequest(editOf(token), 15_000);

  assert.equal(edit.status, 200);
  assert.equal(edit.body!.embeds[0].title, 'Timeline — from 2010 · to 2012');
  assert.equal(edit.body!.embeds[0].footer.text, 'Page 1 of 1 · 4 of 20 events (16 left out by the filters: from 2010, to 2012)');
  assert.equal(edit.files.length, 1);
  const [file] = edit.files;
  assert.equal(file!.name, 'timeline.png');
  assert.ok(file!.data.length <= ATTACHMENT_SIZE_LIMIT, `${file!.data.length} bytes`);
  assert.deepEqual(file!.data.subarray(0, 8), PNG_SIGNATURE);
  const png = PNG.sync.read(file!.data);
  assert.equal(png.width, 1200);
  assert.deepEqual([...png.data.subarray(0, 3)], [0x31, 0x33, 0x38], 'Discord-dark background in the corner');

  const message = h.emulator.state.messages.get(h.emulator.state.interactions.get(token)!.originalId!)!;
  assert.deepEqual(
    message.attachments.map((a: Record<string, unknown>) => [a.filename, a.size, a.content_type, a.description]),
    [['timeline.png', file!.data.length, 'image/png', 'Timeline picture of 4 events']],
  );
});

test('GIVEN no picture option WHEN /timeline runs THEN nothing is attached', async () => {
  const { token } = timeline({ from: '2010' });
  const edit = await h.emulator.waitForRequest(editOf(token));
  assert.equal(edit.files.length, 0);
  assert.equal(edit.body!.attachments, undefined);
});

test('GIVEN a picture over the server upload limit WHEN /timeline runs THEN the text page is sent with a note instead of the file', async (t) => {
  h.emulator.state.attachmentSizeLimit = 2_000;
  t.after(() => (h.emulator.state.attachmentSizeLimit = ATTACHMENT_SIZE_LIMIT));
  const { token } = timeline({ picture: 'light' });
  const edit = await h.emulator.waitForRequest(editOf(token), 15_000);
  assert.equal(edit.status, 200);
  assert.equal(edit.files.length, 0);
  assert.match(
    edit.body!.content,
    /^The picture \(\d+ KB\) is over this server's 2 KB upload limit — narrow the filters to draw fewer events\.$/,
  );
  assert.equal(edit.body!.embeds[0].footer.text, 'Page 1 of 3 · 20 events');
});

test('GIVEN a paged timeline with its picture WHEN the asker turns the page THEN the picture stays on the message', async () => {
  const { token } = timeline({ picture: 'light' });
  const first = await h.emulator.waitForRequest(editOf(token), 15_000);
  const messageId = h.emulator.state.interactions.get(token)!.originalId!;
  const next = first.body!.components[0].components[2];
  const click = h.emulator.click({
    user: ALICE,
    customId: next.custom_id,
    messageId,
    permissions: MEMBER_PERMISSIONS,
    channelId: GENERAL_CHANNEL_ID,
  });
  await h.emulator.waitForRequest(callbackOf(click.token));
  const message = h.emulator.state.messages.get(messageId)!;
  assert.equal(message.embeds[0].footer.text, 'Page 2 of 3 · 20 events');
  assert.deepEqual(
    message.attachments.map((a: Record<string, unknown>) => a.filename),
    ['timeline.png'],
  );
});

test('GIVEN an event the picture cannot draw WHEN a picture is asked for THEN the reply gets the reason as a note, not an error', async () => {
  const picture = await timelinePicture([{ ...EVENTS[0]!, date: '2008-02-30', precision: 'day' }], [], {}, 'dark');
  assert.deepEqual(picture, { note: 'No picture: Cannot draw an event dated "2008-02-30": no such day or month.' });
});
