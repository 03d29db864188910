import { createRequire } from 'node:module';
import type Compromise from 'compromise';

/**
 * compromise from its one-file CommonJS build (the same version and code): its ES-module entry is 436 files,
 * which Node opens, parses and links one by one at start-up, about a third of a second more before a first answer.
 */
export const nlp = createRequire(import.meta.url)('compromise') as typeof Compromise;
