#!/usr/bin/env node
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfigFromDotenv, type Config } from './config.ts';
import type { Dossier } from './dossier.ts';
import { describeError, UserError } from './errors.ts';
import { formatAnswer, formatReindexSummary, formatSources, formatTimeline } from './format-text.ts';
import { openDossier } from './open-dossier.ts';
import { createProgressBar } from './progress-bar.ts';
import { parseTheme } from './timeline-image/themes.ts';
import { pictureTitle } from './timeline-image/title.ts';

const USAGE = `Usage: npm run --silent dossier -- <command>
  ask [--json] "question"     answer a question (no question with --json: one per line from stdin)
  search [--json] "query"     ranked passages with scores
  sources [--json]            the articles in the corpus
  timeline [--json] [--from X] [--to Y] [--topic T] [--source F] [--png FILE [--theme light|dark]]
  index [--force]             build or refresh the index
Options: --verbose (stack traces on errors)`;

/** Runs one CLI command; returns the exit code. */
export async function runCli(argv: string[], config: Config): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      from: { type: 'string' },
      to: { type: 'string' },
      topic: { type: 'string' },
      source: { type: 'string' },
      png: { type: 'string' },
      theme: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  if (!['ask', 'search', 'sources', 'timeline', 'index'].includes(command)) throw new UserError(`Unknown command "${command}".\n${USAGE}`);
  const theme = parseTheme(values.theme);
  const bar = createProgressBar();
  const dossier = await openDossier(config, {
    notice: (message) => console.error(message),
    warn: (message) => console.error(`warning: ${message}`),
    onBuildProgress: (progress) => bar.update(progress),
  });
  bar.stop();
  try {
    const text = rest.join(' ');
    const print = (json: unknown, human: string) => console.log(values.json ? JSON.stringify(json, null, command === 'ask' ? 0 : 2) : human);
    switch (command) {
      case 'ask':
        if (values.json && !text) return await askBatch(dossier);
        if (!text) throw new UserError('Give a question: dossier ask "Where was Viktor Bout arrested?"');
        {
          const answer = await dossier.ask(text);
          print(answer, formatAnswer(answer));
        }
        return 0;
      case 'search': {
        const hits = await dossier.search(text);
        print(hits, hits.map((h, i) => `${i + 1}. ${h.source} (${h.score.toFixed(4)})\n   ${h.chunk.slice(0, 240).replace(/\s+/g, ' ')}`).join('\n'));
        return 0;
      }
      case 'sources':
        print(dossier.sources(), formatSources(dossier.sources()));
        return 0;
      case 'timeline': {
        const query = { from: values.from, to: values.to, topic: values.topic, source: values.source };
        const events = await dossier.timeline(query);
        if (values.png) {
          // Loaded only when asked for: the renderer's native module and fonts are not needed otherwise.
          const { writeTimelinePng } = await import('./timeline-image/write-png.ts');
          const image = await writeTimelinePng(values.png, events, { theme, title: pictureTitle(query), articles: dossier.sources() });
          console.error(`Wrote ${values.png} (${image.width}×${image.height} px, ${events.length} events).`);
        }
        print(events, formatTimeline(events));
        return 0;
      }
      default: {
        const opened = dossier.opened.built;
        const summary = opened && !values.force ? opened : await dossier.reindex({ force: values.force, onProgress: (p) => bar.update(p) });
        bar.stop();
        console.log(formatReindexSummary(summary));
        return 0;
      }
    }
  } finally {
    await dossier.close();
  }
}

/** One JSON answer per stdin line, with the model and index loaded once. A bad line gets an error object, not an exit. */
async function askBatch(dossier: Dossier): Promise<number> {
  let failures = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    try {
      console.log(JSON.stringify(await dossier.ask(line)));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      failures++;
      console.log(JSON.stringify({ question: line.slice(0, 200), error: error.message }));
    }
  }
  return failures > 0 ? 1 : 0;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  try {
    process.exitCode = await runCli(argv, loadConfigFromDotenv());
  } catch (error) {
    console.error(`error: ${describeError(error)}`);
    if (argv.includes('--verbose') && error instanceof Error) console.error(error.stack);
    process.exitCode = error instanceof UserError ? 2 : 1;
  }
}

await main();
