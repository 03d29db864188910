import type { Pending } from './pin.ts';
import type { SentenceEvent } from './sentence-event.ts';

/**
 * The timeline's reading of one article, made from that article alone and kept per article (keyed by its
 * checksum), so that a corpus change extracts only the articles it adds. Plain data: it is stored as JSON.
 */
export interface ArticleTimeline {
  source: string;
  /** The article's sha256, as the corpus loader gives it. */
  checksum: string;
  /** A wire dateline without a year ("MOSCOW, November 22."): `events` that depend on it carry `redate`, and are dated again once the year is inferred. */
  monthDay?: { month: number; day: number; text: string };
  events: SentenceEvent[];
  /** Relative dates the article cannot resolve alone (it states no date of writing), for evidence in other articles to pin. */
  pending: Pending[];
  /** Full names of the people it names, with how often: what links a surname used alone in another article to a person. */
  names: Record<string, number>;
  /** Assembly's date arithmetic on this article, by what it depends on (`assembly-memo.ts`); absent until assembled. */
  memo?: AssemblyMemoTable;
}

/** Results of assembly's date readings of one article, by key (plain JSON values; null for "no result"). */
export type AssemblyMemoTable = Record<string, unknown>;
