import type { Attachment } from 'discord.js';
import type { Config } from '../config.ts';
import type { ArticleInput } from '../core/dossier.ts';
import { UserError } from '../errors.ts';
import { fetchUrl } from '../ingest/fetch-url.ts';
import { fileKind } from '../ingest/upload.ts';
import type { PreparedArticle } from '../ingest/prepare.ts';
import { BoundedMap } from './memory.ts';

/**
 * The article input of `/corpus add`: exactly one of an attached file (downloaded from Discord's CDN with the
 * same guarded fetch as URLs, after its name and declared size are checked) or a URL. @throws UserError
 */
export async function articleInput(file: Attachment | null, url: string | null, config: Config): Promise<ArticleInput> {
  if (Boolean(file) === Boolean(url?.trim()))
    throw new UserError('Give either a file (.txt, .md, .html or .pdf) or a url, not both and not neither.', 'BAD_INPUT');
  if (!file) return { kind: 'url', url: url!.trim() };
  fileKind(file.name);
  if (file.size > config.maxFileBytes)
    throw new UserError(
      `${file.name} was refused: it is ${file.size} bytes, over the ${config.maxFileBytes}-byte limit (MAX_FILE_BYTES).`,
      'FILE_TOO_LARGE',
    );
  const fetched = await fetchUrl(file.url, { ...config.urlFetch, maxBytes: config.maxFileBytes }, { anyType: true });
  return { kind: 'file', name: file.name, bytes: fetched.body };
}

/** A preview waiting for its moderator's confirmation. */
export interface PendingArticle {
  userId: string;
  prepared: PreparedArticle;
}

// Previews live as long as Discord lets the moderator use the interaction (15 minutes); confirming re-checks duplicates.
export const pendingArticles = new BoundedMap<string, PendingArticle>(200, 15 * 60 * 1000);
