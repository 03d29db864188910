import { UserError } from '../errors.ts';
import { writeFileAtomic } from '../files/write-atomic.ts';
import { renderTimelineImage } from './render.ts';
import type { ImageArticle, ImageEvent, TimelineImage, ThemeName } from './types.ts';

/**
 * Renders the timeline and writes it to `file` as PNG: to a temporary file first, renamed into place, so a
 * failure never leaves a half-written picture over an earlier one.
 */
export async function writeTimelinePng(
  file: string,
  events: ReadonlyArray<ImageEvent>,
  options: { theme?: ThemeName; title?: string; articles?: ReadonlyArray<ImageArticle> },
): Promise<TimelineImage> {
  if (events.length === 0) throw new UserError(`No dated events match these filters, so ${file} was not written.`, 'NO_EVENTS');
  const image = await renderTimelineImage(events, options);
  try {
    await writeFileAtomic(file, image.png);
  } catch (error) {
    throw new UserError(
      `Could not write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Check that its folder exists and is writable.`,
      'WRITE_FAILED',
      { cause: error },
    );
  }
  return image;
}
