import { createInterface } from 'node:readline';
import type { Dossier } from './dossier.ts';
import { describeError, DossierError, UserError } from './errors.ts';
import { formatAnswer, formatProgress, formatReindexSummary, formatSources, formatTimeline } from './format-text.ts';
import { lookupTimeline, parseTimelineOptions } from './timeline-options.ts';

const HELP = `Ask a question about the case and press Enter; answers cite the articles they come from.
Commands:
  /timeline [from:YEAR] [to:YEAR] [around:DATE] [person:NAME] [place:NAME] [topic:WORDS] [source:FILE]   dated events, each with its sources
  /sources                                                      the articles in the corpus
  /reindex                                                      rebuild the index after changing corpus/
  /help                                                         this text
  /quit                                                         leave`;

/** The terminal chat: the same core as the Discord bot, a line per question. Resolves when the user quits. */
export async function runTerminal(dossier: Dossier, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
  const print = (text: string) => output.write(`${text}\n`);
  // The prompt is for people typing; piped input gets clean output, one answer after another.
  const interactive = (input as { isTTY?: boolean }).isTTY === true;
  const prompt = () => output.write(interactive ? '\n? ' : '\n');
  const info = dossier.info();
  print(`Dossier — ${info.articles} articles, ${info.chunks} chunks, ${info.events} timeline events (${info.model}). Type /help for commands.`);
  prompt();
  try {
    // Async iteration buffers lines, so piped input (`echo question | npm start`) loses none.
    for await (const raw of rl) {
      const line = raw.trim();
      if (line === '/quit' || line === '/exit') break;
      if (line) {
        try {
          print(await handleLine(dossier, line, print));
        } catch (error) {
          print(error instanceof UserError || error instanceof DossierError ? `⚠ ${error.message}` : `⚠ Something went wrong: ${describeError(error)}`);
        }
      }
      prompt();
    }
  } finally {
    rl.close();
  }
}

async function handleLine(dossier: Dossier, line: string, print: (text: string) => void): Promise<string> {
  const [command = '', ...rest] = line.split(/\s+/);
  switch (command) {
    case '/help':
      return HELP;
    case '/sources':
      return formatSources(dossier.sources());
    case '/timeline':
    {
      const { events, note } = await lookupTimeline(dossier, parseTimelineOptions(rest.join(' ')));
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
