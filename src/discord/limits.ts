import type { APIEmbed } from 'discord.js';

/** Discord's message limits (developer docs, "Embed Limits" and "Create Message"). */
export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  embedTotal: 6000,
  choiceName: 100,
  choices: 25,
} as const;

const ELLIPSIS = '…';

/** Cuts `text` to at most `max` characters, ending in "…" when cut, preferring a word boundary near the end. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return text.slice(0, max);
  let cut = max - 1;
  const space = text.lastIndexOf(' ', cut);
  if (space > max * 0.8) cut = space;
  // Never split a surrogate pair (an emoji would turn into a replacement character).
  if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut -= 1;
  return text.slice(0, cut).trimEnd() + ELLIPSIS;
}

/** Splits `text` into parts of at most `max` characters, breaking at newlines, then spaces, then anywhere. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = /[\uD800-\uDBFF]/.test(rest.charAt(max - 1)) ? max - 1 : max;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}

/** The characters Discord counts toward an embed's 6000 total. */
export function embedLength(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    fields
  );
}

/**
 * Brings an embed within every limit: trims each part, keeps the first 25 fields, then shortens the description
 * and finally drops trailing fields until the total is at most 6000.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = {
    ...embed,
    ...(embed.title !== undefined && { title: truncate(embed.title, LIMITS.title) }),
    ...(embed.description !== undefined && { description: truncate(embed.description, LIMITS.description) }),
    ...(embed.footer && { footer: { ...embed.footer, text: truncate(embed.footer.text, LIMITS.footer) } }),
    ...(embed.fields && {
      fields: embed.fields.slice(0, LIMITS.fields).map((field) => ({
        ...field,
        name: truncate(field.name, LIMITS.fieldName),
        value: truncate(field.value, LIMITS.fieldValue),
      })),
    }),
  };
  const excess = embedLength(fitted) - LIMITS.embedTotal;
  if (excess > 0 && fitted.description) {
    fitted.description = truncate(fitted.description, Math.max(fitted.description.length - excess, 200));
  }
  while (embedLength(fitted) > LIMITS.embedTotal && fitted.fields?.length) fitted.fields = fitted.fields.slice(0, -1);
  return fitted;
}
