import { formatTimeline } from '../../format-text.ts';
import type { CliCommand } from '../command.ts';
import { checkSourceName } from '../source-name.ts';

/** `timeline [--json] [--from X] [--to Y] [--topic T] [--source F]`: dated events, chronologically. */
export const timeline: CliCommand = {
  name: 'timeline',
  define: (program, ctx) =>
    program
      .command('timeline')
      .description('dated events from the articles, in order, each citing its sources')
      .option('--from <when>', 'events from this date on: a year (2010), a month (2010-05) or a day (2010-05-31)')
      .option('--to <when>', 'events up to this date, same forms')
      .option('--topic <words>', 'events about these words')
      .option('--source <file>', 'events cited by this article (a file name from `dossier sources`, or its start)')
      .option('--json', 'print a JSON array of {date, precision, summary, kind, sources: [{source, quote}], resolution?, conflict?}')
      .action(async (options: { from?: string; to?: string; topic?: string; source?: string; json?: boolean }) => {
        const dossier = await ctx.open();
        if (options.source !== undefined) checkSourceName(options.source, dossier.sources().map((s) => s.source), '--source', '`dossier sources`');
        const events = await dossier.timeline({ from: options.from, to: options.to, topic: options.topic, source: options.source });
        ctx.print(options.json ? JSON.stringify(events, null, 2) : formatTimeline(events));
      }),
};
