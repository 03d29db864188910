import type { ArticleSummary } from '../core/dossier.ts';
import { UserError } from '../errors.ts';
import { renderTimelineImage } from '../timeline-image/render.ts';
import { pictureTitle } from '../timeline-image/title.ts';
import type { ImageEvent, ThemeName } from '../timeline-image/types.ts';

/** Discord's upload limit for a server without boosts, used when an interaction does not say its own. */
export const DEFAULT_ATTACHMENT_LIMIT = 10 * 1024 * 1024;
export const PICTURE_NAME = 'timeline.png';

/** The /timeline picture as a message file, or why it cannot be attached. */
export type TimelinePicture = { file: { attachment: Buffer; name: string; description: string } } | { note: string };

/**
 * Draws the events as a PNG for a reply; when it cannot be drawn, or is larger than `sizeLimit` (the
 * interaction's upload limit), the reply says why instead of failing to send.
 */
export async function timelinePicture(
  events: ReadonlyArray<ImageEvent>,
  articles: ArticleSummary[],
  filters: object,
  theme: ThemeName,
  sizeLimit = DEFAULT_ATTACHMENT_LIMIT,
): Promise<TimelinePicture> {
  let image;
  try {
    image = await renderTimelineImage(events, { theme, title: pictureTitle(filters), articles });
  } catch (error) {
    // An event the picture cannot draw should not cost the asker the text timeline: say why instead.
    if (error instanceof UserError) return { note: `No picture: ${error.message}` };
    throw error;
  }
  if (image.png.length > sizeLimit) {
    return {
      note: `The picture (${size(image.png.length)}) is over this server's ${size(sizeLimit)} upload limit — narrow the filters to draw fewer events.`,
    };
  }
  // The description is the image's alt text in Discord.
  const description = `Timeline picture of ${events.length} ${events.length === 1 ? 'event' : 'events'}`;
  return { file: { attachment: image.png, name: PICTURE_NAME, description } };
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
