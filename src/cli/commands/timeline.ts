import { resolve } from 'node:path';
import { formatTimeline } from '../../terminal/format-text.ts';
import { parseTheme } from '../../timeline-image/themes.ts';
import { pictureTitle } from '../../timeline-image/title.ts';
import { lookupTimeline, TIMELINE_OPTIONS, timelineQuery } from '../../core/timeline-options.ts';
import type { CliCommand } from '../command.ts';
import { checkSourceName } from '../../core/source-name.ts';

/**
 * `timeline [--json] [--from X] [--to Y] [--around D] [--person P] [--place P] [--topic T] [--source F]
 * [--png FILE [--theme light|dark]]`: dated events, in order; `--png` also draws them as a picture.
 */
export const timeline: CliCommand = {
  name: 'timeline',
  define: (program, ctx) => {
    const command = program.command('timeline').description('dated events from the articles, in order, each citing its sources');
    // One list of lookups for the CLI, the terminal chat and Discord (src/timeline-options.ts).
    for (const option of TIMELINE_OPTIONS)
      command.option(`--${option.name} <${option.name === 'source' ? 'file' : 'value'}>`, option.description);
    return command
      .option(
        '--json',
        'print a JSON array of {date, precision, approximate, summary, kind, people, places, sources: [{source, quote, start, end}], resolution?, conflict?}',
      )
      .option('--png <file>', 'also write the same events as a PNG picture to this file')
      .option('--theme <name>', "the picture's colours: light (default) or dark")
      .action(async (options: Record<string, string | boolean | undefined>) => {
        const theme = parseTheme(typeof options.theme === 'string' ? options.theme : undefined);
        const dossier = await ctx.open();
        const query = timelineQuery(options);
        if (query.source !== undefined)
          checkSourceName(
            query.source,
            dossier.sources().map((s) => s.source),
            '--source',
            '`dossier sources`',
          );
        const { events, note } = await lookupTimeline(dossier, query);
        if (typeof options.png === 'string') {
          // Loaded only when asked for: the renderer's native module and fonts are not needed otherwise.
          const { writeTimelinePng } = await import('../../timeline-image/write-png.ts');
          const file = resolve(ctx.io.cwd, options.png);
          const image = await writeTimelinePng(file, events, { theme, title: pictureTitle(query), articles: dossier.sources() });
          ctx.io.stderr.write(`Wrote ${options.png} (${image.width}×${image.height} px, ${events.length} events).\n`);
        }
        ctx.print(options.json ? JSON.stringify(events, null, 2) : `${formatTimeline(events)}\n${note}`);
      });
  },
};
