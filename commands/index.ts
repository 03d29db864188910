import { createCommandRegistry } from '../src/discord/command.ts';
import { ask } from './ask.ts';
import { help } from './help.ts';
import { corpus } from './corpus.ts';
import { reindex } from './reindex.ts';
import { sources } from './sources.ts';
import { timeline } from './timeline.ts';

/** Every slash command Dossier registers and answers, keyed by name. */
export const commands = createCommandRegistry([ask, timeline, sources, reindex, corpus, help]);
