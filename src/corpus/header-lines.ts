import { STOP_WORDS } from '../text/stop-words.ts';

// The shapes of the lines a news page puts above its text: masthead, breadcrumb and section lines, menus, headline.

/** Separators between the parts of a breadcrumb, section or byline line ("World > Europe", "Greece | Justice"). */
const SEPARATOR = /\s+[>|/»›·•]\s+/;
// Words a site root or menu is named by, never an outlet: the first item of "Home > World > Europe".
const NAVIGATION_WORDS = /^(?:home|start|main|menu|front ?page|homepage|news|all news|latest)$/i;
// Words a proper name may hold uncapitalised ("Times of India", "Le Monde diplomatique" reads as title case here).
const NAME_CONNECTORS = new Set(['&', 'and', 'of', 'the', 'de', 'la', 'le', 'di', 'du', 'der', 'des', 'el', 'al', 'y']);
// Labels of header fields: a line "Source: …" or "Published: …" states metadata, it is not a headline.
const FIELD_LABEL = /^(?:source|publisher|outlet|published|updated|posted|date|author|by|text|words|photos?|images?|original url|filed|modified)\b\s*:/i;
// The longest a headline runs (news style keeps them to about two lines of print); a longer line is text.
export const HEADLINE_CHARS = 160;

/** The parts of a line split at breadcrumb or field separators; a line without one is its own single part. */
export function lineParts(line: string): string[] {
  return line
    .split(SEPARATOR)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Words of a line: runs holding a letter or digit (a lone "&" or "—" is not a word). */
function words(line: string): string[] {
  return line.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/** True for a line with letters and no lower-case letter ("ATTICA EVENING DISPATCH"). */
export function isAllCaps(line: string): boolean {
  return /\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line);
}

/**
 * A short name in title case or capitals, without digits or sentence punctuation: the shape of a masthead
 * ("Saltline Magazine", "ATTICA EVENING DISPATCH") and of a section label ("Long Read"), never of a sentence.
 */
export function isNameShaped(line: string): boolean {
  const parts = line.split(/\s+/);
  if (line.length > 50 || words(line).length === 0 || words(line).length > 5 || /[\d,:;!?"“”()]|[.]$/.test(line)) return false;
  return parts.every((word) => NAME_CONNECTORS.has(word) || /^\p{Lu}/u.test(word));
}

/**
 * A masthead in a line of its own or opening a breadcrumb ("Mesogeios Review > Long Read"): a name of two words or
 * more, not a menu word — a single word at the top is as often a section ("Opinion", "World") as a masthead.
 */
export function mastheadOf(line: string): string | undefined {
  const first = lineParts(line)[0];
  return first && isNameShaped(first) && words(first).length >= 2 && !NAVIGATION_WORDS.test(first) ? first : undefined;
}

/**
 * A row of menu entries ("Home Tankers Dry Bulk Ports Opinion Events"): five or more words, every one capitalised,
 * none of them a function word — a headline in title case still has its "to", "for" or "In".
 */
function isMenu(line: string): boolean {
  const all = words(line);
  return all.length >= 5 && all.every((word) => /^\p{Lu}/u.test(word) && !STOP_WORDS.has(word.toLowerCase()));
}

/**
 * How a line reads as a headline: 'strong' for a phrase of three or more words that is no breadcrumb, menu, field
 * or sentence, 'weak' for one shaped like a name as well ("The Merchant of Death": a headline, or a masthead), and
 * undefined for anything else.
 */
export function headlineStrength(line: string): 'strong' | 'weak' | undefined {
  if (line.length > HEADLINE_CHARS || words(line).length < 3 || /[.!]["'”’)\]]*$/.test(line)) return undefined;
  if (SEPARATOR.test(line) || FIELD_LABEL.test(line) || isMenu(line)) return undefined;
  if (!isNameShaped(line)) return 'strong';
  return isAllCaps(line) ? undefined : 'weak';
}
