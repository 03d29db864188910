import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { IndexError } from '../errors.ts';

/**
 * The timeline's file of indexes written before its events were rows of the timeline's database
 * (`event-rows.ts`): the whole timeline, rewritten at every change. It is read while an index has no events table,
 * and removed by the save that writes one.
 */
export const TIMELINE_FILE = 'timeline.json';

/** The format of `timeline.json` this code reads: 2 added kinds said/scheduled/background, `approximate`, `people` and `places`. */
export const TIMELINE_FILE_VERSION = 2;

/**
 * The events of `timeline.json` in `dir`, parsed, unchecked. @throws IndexError 'missing' without one, 'corrupt'
 * when it is not JSON or of another format.
 */
export async function readTimelineFile(dir: string): Promise<unknown> {
  const path = join(dir, TIMELINE_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new IndexError(`No timeline in ${dir}: rebuild the index (reindex) to create it.`, 'missing', { cause });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new IndexError(`${path} is not valid JSON (the file is damaged): rebuild the index with a forced reindex.`, 'corrupt', { cause });
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version !== TIMELINE_FILE_VERSION) {
    throw new IndexError(
      `${path} was written by another version of Dossier (timeline format ${version}, this one reads ${TIMELINE_FILE_VERSION}): rebuild the index (reindex) to extract the timeline again.`,
      'corrupt',
    );
  }
  if (version !== TIMELINE_FILE_VERSION)
    throw new IndexError(`${path} is malformed (file: no format version): rebuild the index with a forced reindex.`, 'corrupt');
  return (data as { events?: unknown }).events;
}

/** Removes the old-format file from index `dir`, if it has one. */
export async function removeTimelineFile(dir: string): Promise<void> {
  await rm(join(dir, TIMELINE_FILE), { force: true });
}
