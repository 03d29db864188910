import { formatTimeline } from '../../format-text.ts';
import { lookupTimeline, TIMELINE_OPTIONS, timelineQuery } from '../../timeline-options.ts';
import type { CliCommand } from '../command.ts';
import { checkSourceName } from '../source-name.ts';

/** `timeline [--json] [--from X] [--to Y] [--around D] [--person P] [--place P] [--topic T] [--source F]`: dated events, in order. */
export const timeline: CliCommand = {
  name: 'timeline',
  define: (program, ctx) => {
    const command = program.command('timeline').description('dated events from the articles, in order, each citing its sources');
    // One list of lookups for the CLI, the terminal chat and Discord (src/timeline-options.ts).
    for (const option of TIMELINE_OPTIONS) command.option(`--${option.name} <${option.name === 'source' ? 'file' : 'value'}>`, option.description);
    return command
      .option('--json', 'print a JSON array of {date, precision, approximate, summary, kind, people, places, sources: [{source, quote, start, end}], resolution?, conflict?}')
      .action(async (options: Record<string, string | boolean | undefined>) => {
        const dossier = await ctx.open();
        const query = timelineQuery(options);
        if (query.source !== undefined) checkSourceName(query.source, dossier.sources().map((s) => s.source), '--source', '`dossier sources`');
        const { events, note } = await lookupTimeline(dossier, query);
        ctx.print(options.json ? JSON.stringify(events, null, 2) : `${formatTimeline(events)}\n${note}`);
      });
  },
};
