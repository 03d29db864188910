import type { Command } from 'commander';
import type { CliContext } from './context.ts';

/**
 * One CLI subcommand, in its own module: `define` adds it to the program (arguments, options, help, action).
 * Actions import the core lazily, so that other commands and `--help` do not load it.
 */
export interface CliCommand {
  name: string;
  define(program: Command, ctx: CliContext): Command;
}

/** The registry: command modules by name, refusing a name registered twice. */
export function commandRegistry(commands: CliCommand[]): Map<string, CliCommand> {
  const registry = new Map<string, CliCommand>();
  for (const command of commands) {
    if (registry.has(command.name)) throw new Error(`Two CLI commands are named "${command.name}".`);
    registry.set(command.name, command);
  }
  return registry;
}
