import { createInterface } from 'node:readline/promises';
import { userInfo } from 'node:os';
import type { Actor } from '../core/dossier.ts';
import { UserError } from '../errors.ts';
import type { CliIo } from './io.ts';

/** Asks a yes/no question in the terminal; `--yes` answers it for scripts. @throws UserError without a terminal and without --yes. */
export async function confirm(question: string, yes: boolean, io: Pick<CliIo, 'stdin' | 'stderr'>): Promise<boolean> {
  if (yes) return true;
  if (!io.stdin.isTTY) throw new UserError(`${question} — no terminal to ask in; pass --yes to confirm from a script.`);
  const rl = createInterface({ input: io.stdin, output: io.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

/** The person running the CLI, for the audit log. */
export function cliActor(): Actor {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // No passwd entry (some containers): the audit line still says it came from the CLI.
  }
  return { via: 'cli', id: name };
}

/** Where a corpus subcommand prints, and the terminal it asks in. */
export interface CliOut {
  print(text: string): void;
  io: Pick<CliIo, 'stdin' | 'stderr'>;
}
