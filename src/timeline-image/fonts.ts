import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

/**
 * Inter, from the @expo-google-fonts/inter npm package, as TrueType: resvg reads TTF/OTF but not WOFF, and the
 * same files measure the labels here and draw them there, so widths agree on every machine.
 */
export const FONT_FAMILY = 'Inter';
export const FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf'),
};

export type Weight = keyof typeof FONT_FILES;

const loaded = new Map<Weight, fontkit.Font>();

function font(weight: Weight): fontkit.Font {
  let face = loaded.get(weight);
  if (!face) {
    const opened = fontkit.openSync(FONT_FILES[weight]);
    if (!('layout' in opened)) throw new Error(`${FONT_FILES[weight]} is a font collection, expected one face`);
    face = opened;
    loaded.set(weight, face);
  }
  return face;
}

/** Width in pixels of `text` set in Inter at `size` px, with kerning, as resvg will lay it out. */
export function textWidth(text: string, size: number, weight: Weight = 'regular'): number {
  const face = font(weight);
  return (face.layout(text).advanceWidth / face.unitsPerEm) * size;
}

/**
 * The longest prefix of `text` (cut at a word boundary when there is one) that, followed by "…", fits in
 * `maxWidth`; `text` itself when it fits.
 */
export function fitText(text: string, size: number, maxWidth: number, weight: Weight = 'regular'): string {
  if (textWidth(text, size, weight) <= maxWidth) return text;
  const words = text.split(/(?<=\s)/);
  let fitted = '';
  for (const word of words) {
    const next = fitted + word;
    if (textWidth(`${next.trimEnd()}…`, size, weight) > maxWidth) break;
    fitted = next;
  }
  if (!fitted) {
    // One long word: cut it by characters.
    for (const char of text) {
      if (textWidth(`${fitted}${char}…`, size, weight) > maxWidth) break;
      fitted += char;
    }
  }
  return `${fitted.trimEnd()}…`;
}
