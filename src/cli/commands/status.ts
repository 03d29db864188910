import type { CliCommand } from '../command.ts';

/** `status [--json]`: the index in use, a reindex running anywhere on DATA_DIR, and the bot's shards; loads no model. */
export const status: CliCommand = {
  name: 'status',
  define: (program, ctx) =>
    program
      .command('status')
      .description(
        "the index in use, a reindex running on this DATA_DIR (who asked, since when), and the bot's shards with each one's state and index",
      )
      .option(
        '--json',
        'print one JSON object: {index?: {version, builtAt, articles, chunks}, reindex?: {pid, host, since, by}, shards?: {count, shards: [{id, state, pid, index, since}], ...}}',
      )
      .action(async (options: { json?: boolean }) => {
        const config = await ctx.config();
        const { formatStatus, statusReport } = await import('../status-report.ts');
        const report = await statusReport(config);
        ctx.print(options.json ? JSON.stringify(report, null, 2) : formatStatus(report));
      }),
};
