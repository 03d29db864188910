import { createInterface } from 'node:readline';
import type { Dossier } from '../core/dossier.ts';
import { describeError, DossierError, UserError } from '../errors.ts';
import { checkSourceName } from '../core/source-name.ts';
import { formatAnswer, formatIndexSwitch, formatProgress, formatReindexSummary, formatSources, formatTimeline } from './format-text.ts';
import { watchCurrentIndex } from '../index/current-watch.ts';
import { lookupTimeline, parseTimelineOptions } from '../core/timeline-options.ts';

const HELP = `Ask a question about the case and press Enter; answers cite the articles they come from.
Commands:
  /timeline [from:YEAR] [to:YEAR] [around:DATE] [person:NAME] [place:NAME] [topic:WORDS] [source:FILE]   dated events, each with its sources
  /timeline 2008  ·  /timeline 2008-2012  ·  /timeline extradition   a year, a range of years, or a topic
  /sources                                                      the articles in the corpus
  /reindex                                                      rebuild the index after changing corpus/
  /help                                                         this text
  /quit                                                         leave`;

/** Options of the chat; with `dataDir`, it follows indexes that other processes (a CLI `index`) swap in. */
export interface TerminalOptions {
  dataDir?: string;
}

/** The terminal chat: the same core as the Discord bot, a line per question. Resolves when the user quits. */
export async function runTerminal(
  dossier: Dossier,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
  options: TerminalOptions = {},
): Promise<void> {
  const rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
  const print = (text: string) => output.write(`${text}\n`);
  // The prompt is for people typing; piped input gets clean output, one answer after another.
  const interactive = (input as { isTTY?: boolean }).isTTY === true;
  const prompt = () => output.write(interactive ? '\n? ' : '\n');
  const info = dossier.info();
  print(
    `Dossier — ${info.articles} articles, ${info.chunks} chunks, ${info.events} timeline events (${info.model}). Type /help for commands.`,
  );
  // Switches are checked one at a time: when the watch fires, and before each line (in case an event was missed).
  let following: Promise<void> = Promise.resolve();
  const follow = (announce: (text: string) => void) => {
    following = following
      .catch(() => undefined)
      .then(async () => {
        const switched = await dossier.followCurrentIndex();
        if (switched) announce(formatIndexSwitch(switched));
      });
    return following;
  };
  const watch = options.dataDir
    ? watchCurrentIndex(options.dataDir, () =>
        follow((text) => {
          print(`\n${text}`);
          if (interactive) output.write('? ');
        }),
      )
    : undefined;
  prompt();
  try {
    // Async iteration buffers lines, so piped input (`echo question | npm start`) loses none.
    for await (const raw of rl) {
      const line = raw.trim();
      if (line === '/quit' || line === '/exit') break;
      if (line) {
        try {
          await follow(print);
          print(await handleLine(dossier, line, print));
        } catch (error) {
          print(
            error instanceof UserError || error instanceof DossierError
              ? `⚠ ${error.message}`
              : `⚠ Something went wrong: ${describeError(error)}`,
          );
        }
      }
      prompt();
    }
  } finally {
    watch?.close();
    rl.close();
    await following.catch(() => undefined);
  }
}

async function handleLine(dossier: Dossier, line: string, print: (text: string) => void): Promise<string> {
  const [command = '', ...rest] = line.split(/\s+/);
  switch (command) {
    case '/help':
      return HELP;
    case '/sources':
      return formatSources(dossier.sources());
    case '/timeline': {
      const query = parseTimelineOptions(rest.join(' '));
      if (query.source !== undefined)
        checkSourceName(
          query.source,
          dossier.sources().map((s) => s.source),
          'source:',
          '/sources',
        );
      const { events, note } = await lookupTimeline(dossier, query);
      return `${formatTimeline(events)}\n${note}`;
    }
    case '/reindex': {
      let last = 0;
      const summary = await dossier.reindex({
        onProgress: (progress) => {
          if (Date.now() - last > 1000 || progress.phase === 'done') print(formatProgress(progress));
          last = Date.now();
        },
      });
      return formatReindexSummary(summary);
    }
    default:
      if (command.startsWith('/')) throw new UserError(`Unknown command ${command}. Type /help for the list.`);
      return formatAnswer(await dossier.ask(line));
  }
}
