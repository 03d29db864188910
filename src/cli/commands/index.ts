import { commandRegistry } from '../command.ts';
import { ask } from './ask.ts';
import { add, audit, list, remove } from './corpus.ts';
import { index } from './index-command.ts';
import { search } from './search.ts';
import { sources } from './sources.ts';
import { timeline } from './timeline.ts';

/** Every CLI subcommand, in the order `dossier --help` lists them. Add a command by adding its module here. */
export const cliCommands = commandRegistry([ask, search, sources, timeline, index, add, remove, list, audit]);
