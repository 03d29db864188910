import { formatReindexSummary } from '../../terminal/format-text.ts';
import type { CliCommand } from '../command.ts';

/** `index [--force]`: builds or refreshes the index, with progress, and reports what changed. */
export const index: CliCommand = {
  name: 'index',
  define: (program, ctx) =>
    program
      .command('index')
      .description('build or refresh the index after changing the corpus, then report what changed')
      .option('--force', 'rebuild even when nothing changed, and try the preferred embedding model again')
      .action(async (options: { force?: boolean }) => {
        const dossier = await ctx.open({ retryPreferredModel: options.force });
        const built = dossier.opened.built;
        const { createProgressBar } = await import('../../terminal/progress-bar.ts');
        const bar = createProgressBar(ctx.io.stderr);
        try {
          const summary =
            built && !options.force ? built : await dossier.reindex({ force: options.force, onProgress: (p) => bar.update(p) });
          bar.stop();
          ctx.print(formatReindexSummary(summary));
        } finally {
          bar.stop();
        }
      }),
};
