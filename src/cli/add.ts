import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ArticleInput, Dossier } from '../core/dossier.ts';
import { UserError } from '../errors.ts';
import { previewOf } from '../ingest/prepare.ts';
import { cliActor, confirm, type CliOut } from './confirm.ts';

/** `dossier add <file|url> [--yes]`: previews the article, asks, then adds it and updates the index incrementally. */
export async function runAdd(
  dossier: Dossier,
  target: string | undefined,
  options: { yes: boolean; maxFileBytes: number },
  out: CliOut,
): Promise<number> {
  if (!target) throw new UserError('Give a file or a URL: dossier add article.html, or dossier add https://example.com/news/story');
  const input: ArticleInput = /^[a-z][a-z0-9+.-]*:\/\//i.test(target)
    ? { kind: 'url', url: target }
    : { kind: 'file', name: basename(target), bytes: await readLocal(target, options.maxFileBytes) };
  const prepared = await dossier.prepareArticle(input);
  const preview = previewOf(prepared);
  const { meta } = preview;
  out.print(
    [
      `Title:   ${meta.title ?? '(not stated)'}`,
      `Outlet:  ${meta.outlet ?? '(not stated)'}`,
      `Author:  ${meta.author ?? '(not stated)'}`,
      `Date:    ${meta.date ?? '(not stated)'}`,
      `File:    ${preview.source}`,
      `Length:  ${preview.chars} characters, ${preview.sentences} sentences`,
      '',
      preview.firstLines,
      '',
    ].join('\n'),
  );
  if (!(await confirm(`Add ${preview.source} to the corpus?`, options.yes, out.io))) {
    out.print('Nothing was added.');
    return 1;
  }
  const summary = await dossier.addArticle(prepared, cliActor());
  out.print(
    `Added ${summary.source}: ${summary.chunks} chunks, ${summary.embedded} sentences embedded in ${(summary.ms / 1000).toFixed(1)} s (index: ${summary.totalChunks} chunks, ${summary.events} timeline events).`,
  );
  return 0;
}

async function readLocal(path: string, maxFileBytes: number): Promise<Buffer> {
  const info = await stat(path).catch(() => {
    throw new UserError(`${path}: no such file.`);
  });
  if (!info.isFile()) throw new UserError(`${path} is not a regular file.`);
  // Checked before reading, so a huge file is never loaded.
  if (info.size > maxFileBytes)
    throw new UserError(
      `${basename(path)} was refused: it is ${info.size} bytes, over the ${maxFileBytes}-byte limit (MAX_FILE_BYTES).`,
      'FILE_TOO_LARGE',
    );
  return readFile(path);
}
