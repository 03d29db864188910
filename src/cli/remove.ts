import type { Dossier } from '../core/dossier.ts';
import { UserError } from '../errors.ts';
import { cliActor, confirm, type CliOut } from './confirm.ts';

/** `dossier remove <id> [--yes]`: removes an article (its corpus file name, as `dossier list` shows) after asking. */
export async function runRemove(dossier: Dossier, id: string | undefined, options: { yes: boolean }, out: CliOut): Promise<number> {
  if (!id) throw new UserError('Give the article to remove: its id as `dossier list` shows it.');
  const article = dossier.sources().find((candidate) => candidate.source === id);
  if (!article) throw new UserError(`No article with id ${id}; \`dossier list\` shows the ids.`);
  if (!(await confirm(`Remove ${id}${article.title ? ` (${article.title})` : ''} from the corpus?`, options.yes, out.io))) {
    out.print('Nothing was removed.');
    return 1;
  }
  const summary = await dossier.removeArticle(id, cliActor());
  out.print(
    `Removed ${summary.source}: ${summary.chunks} chunks taken out in ${(summary.ms / 1000).toFixed(1)} s; the file was moved to DATA_DIR/removed-articles.`,
  );
  return 0;
}
