// Discord markdown: article text must show as written, never as formatting, links or headings of its own.
import { escapeMarkdown } from 'discord.js';

/** Article text shown as text: no markdown, links or headings of its own. */
export function plain(text: string): string {
  return escapeMarkdown(text, { maskedLink: true, heading: true, bulletedList: true, numberedList: true });
}

/** Undoes `plain` on text read back from one of the bot's embeds. */
export function unplain(text: string): string {
  return text.replace(/\\([^a-zA-Z0-9\s])/g, '$1');
}
