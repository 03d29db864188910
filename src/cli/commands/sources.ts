import { formatSources } from '../../terminal/format-text.ts';
import type { CliCommand } from '../command.ts';

/** `sources [--json]`: the articles; read from an up-to-date index without loading the model. */
export const sources: CliCommand = {
  name: 'sources',
  define: (program, ctx) =>
    program
      .command('sources')
      .description('the articles in the corpus, with what each states about itself (title, outlet, author, date, URL)')
      .option('--json', 'print a JSON array of {source, title, outlet, author, date, url, chunks}')
      .action(async (options: { json?: boolean }) => {
        const config = await ctx.config();
        const { upToDateSources } = await import('../../index/catalog.ts');
        // The full open (model, vectors, perhaps a rebuild) only when the index is missing or stale.
        const list = (await upToDateSources(config)) ?? (await ctx.open()).sources();
        ctx.print(options.json ? JSON.stringify(list, null, 2) : formatSources(list));
      }),
};
