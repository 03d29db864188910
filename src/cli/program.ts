import { Command, CommanderError } from 'commander';
import { describeError, UsageError, UserError } from '../errors.ts';
import { cliCommands } from './commands/index.ts';
import { CliContext, type DossierOpener } from './context.ts';
import { processIo, type CliIo } from './io.ts';

const FOOTER = `
Settings come from .env and the environment (.env.example lists them all).
Exit codes: 0 done, 1 failed (configuration, corpus, index, model), 2 the command line is wrong.
"dossier help <command>" or "dossier <command> --help" explains a command.`;

/** The `dossier` program: one grammar for every subcommand, registered from `commands/index.ts`. */
export function createProgram(ctx: CliContext): Command {
  const program = new Command('dossier')
    .description('Answers questions about a case from a folder of news articles, citing them.')
    .option('--verbose', 'stack traces on errors, and which encoder and index are used')
    .configureOutput({ writeOut: (text) => ctx.io.stdout.write(text), writeErr: (text) => ctx.io.stderr.write(text) })
    .exitOverride()
    .showHelpAfterError('(run "dossier --help" for usage)')
    .addHelpText('after', FOOTER)
    .hook('preAction', (_, action) => {
      ctx.verbose = Boolean(action.optsWithGlobals().verbose);
    });
  for (const command of cliCommands.values()) {
    const sub = command.define(program, ctx);
    sub.exitOverride().showHelpAfterError(`(run "dossier ${sub.name()} --help" for usage)`);
  }
  return program;
}

/**
 * Runs one CLI invocation and returns its exit code: 0 done, 1 a runtime failure, 2 a usage error (unknown
 * command or option, missing value or argument, refused input). Errors print one line; `--verbose` adds the stack.
 */
export async function runCli(argv: string[], io: CliIo = processIo(), openDossier?: DossierOpener): Promise<number> {
  const ctx = new CliContext(io, openDossier);
  const program = createProgram(ctx);
  try {
    checkOptionValues(program, argv);
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    // Commander has already printed its message (or the help) to stderr.
    if (error instanceof CommanderError) {
      // Commander derives its help exit code from process.exitCode; whether help was asked for is what matters.
      if (error.code === 'commander.help') return argv.some((word) => ['help', '--help', '-h'].includes(word)) ? 0 : 2;
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`error: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`error: ${describeError(error)}\n`);
    if ((ctx.verbose || argv.includes('--verbose')) && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return error instanceof UserError ? 2 : 1;
  } finally {
    await ctx.close();
  }
}

/**
 * Commander gives an option that needs a value the next word even when that word is another option
 * (`timeline --from --to 2010` would read --from as "--to"). Refuses that, naming the option missing its value.
 */
function checkOptionValues(program: Command, argv: string[]): void {
  const sub = program.commands.find((command) => argv.includes(command.name()));
  const options = [...program.options, ...(sub?.options ?? [])];
  const isOption = (word: string | undefined) =>
    word !== undefined && options.some((option) => option.long === word.split('=')[0] || option.short === word);
  argv.forEach((word, i) => {
    const option = options.find((candidate) => candidate.long === word || candidate.short === word);
    if (option?.required && isOption(argv[i + 1])) {
      const help = sub ? `dossier ${sub.name()} --help` : 'dossier --help';
      throw new UsageError(
        `option '${option.flags}' argument missing (the next word, ${argv[i + 1]}, is an option)\n(run "${help}" for usage)`,
      );
    }
  });
}
