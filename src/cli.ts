#!/usr/bin/env node
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfigFromDotenv, type Config } from './config.ts';
import type { Dossier } from './dossier.ts';
import { describeError, UserError } from './errors.ts';
import { formatAnswer, formatReindexSummary, formatSources, formatTimeline } from './format-text.ts';
import { openDossier } from './open-dossier.ts';
import { createProgressBar } from './progress-bar.ts';
import { formatStatus, statusReport } from './status-report.ts';
import { lookupTimeline, TIMELINE_FLAGS, TIMELINE_USAGE, timelineQuery } from './timeline-options.ts';

const USAGE = `Usage: npm run --silent dossier -- <command>
  ask [--json] "question"     answer a question (no question with --json: one per line from stdin)
  search [--json] "query"     ranked passages with scores
  sources [--json]            the articles in the corpus
  ${TIMELINE_USAGE}
  index [--force]             build or refresh the index
  status [--json]             the index in use, a running reindex, the bot's shards and their index
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
      ...TIMELINE_FLAGS,
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  if (command === 'status') {
    const report = await statusReport(config);
    console.log(values.json ? JSON.stringify(report, null, 2) : formatStatus(report));
    return 0;
  }
  if (!['ask', 'search', 'sources', 'timeline', 'index'].includes(command)) throw new UserError(`Unknown command "${command}".\n${USAGE}`);
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
        const { events, note } = await lookupTimeline(dossier, timelineQuery(values));
        print(events, `${formatTimeline(events)}\n${note}`);
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
