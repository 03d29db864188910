import { createInterface } from 'node:readline';
import { describeError, UsageError, UserError } from '../../errors.ts';
import { formatAnswer } from '../../terminal/format-text.ts';
import type { CliCommand } from '../command.ts';
import type { CliContext } from '../context.ts';

/** `ask [--json] [question...]`: one answer, or with --json and no question, one JSON line per stdin line. */
export const ask: CliCommand = {
  name: 'ask',
  define: (program, ctx) =>
    program
      .command('ask')
      .description('answer a question from the articles, citing them')
      .argument('[question...]', 'the question (quoting it is optional)')
      .option(
        '--json',
        'print the answer as one JSON line; without a question, read one question per line from stdin and print one JSON line for each',
      )
      .addHelpText(
        'after',
        '\nExit codes: 0 answered (an answer saying the articles do not say counts), 2 the question was refused;\nfor a stdin batch, 1 when any line failed (its JSON line then holds "error").',
      )
      .action(async (words: string[], options: { json?: boolean }) => {
        const question = words.join(' ');
        if (!question && options.json) return void (ctx.exitCode = await askBatch(ctx));
        if (!question)
          throw new UsageError(
            'Give a question: dossier ask "your question" (or pipe questions, one per line, into dossier ask --json).',
            'NO_QUESTION',
          );
        const dossier = await ctx.open();
        try {
          const answer = await dossier.ask(question);
          ctx.print(options.json ? JSON.stringify(answer) : formatAnswer(answer));
        } catch (error) {
          if (options.json && error instanceof UserError) ctx.print(JSON.stringify(errorLine(question, error)));
          throw error;
        }
      }),
};

/**
 * Answers stdin line by line with the model and index loaded once: exactly one JSON line per input line, in order
 * (a blank or refused line gets an error object), so output line n is input line n. Returns the exit code.
 */
async function askBatch(ctx: CliContext): Promise<number> {
  // Opened before reading: without an index no line can be answered, and that is one error, not one per line.
  const dossier = await ctx.open();
  let failed = 0;
  let n = 0;
  for await (const line of createInterface({ input: ctx.io.stdin, crlfDelay: Infinity })) {
    n++;
    try {
      ctx.print(JSON.stringify(await dossier.ask(line)));
    } catch (error) {
      failed++;
      ctx.print(JSON.stringify({ ...errorLine(line, error), line: n }));
      if (!(error instanceof UserError)) ctx.warn(`line ${n}: ${describeError(error)}`);
    }
  }
  return failed > 0 ? 1 : 0;
}

function errorLine(question: string, error: unknown): { question: string; error: string; code: string } {
  const code =
    error instanceof UserError
      ? error.code
      : error instanceof Error && 'code' in error && typeof error.code === 'string'
        ? error.code
        : 'FAILED';
  return { question: question.slice(0, 200), error: describeError(error), code };
}
