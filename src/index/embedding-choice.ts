import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { describeError } from '../errors.ts';
import { writeFileAtomic } from '../files/write-atomic.ts';
import { loadEmbeddings, type ModelNotice } from './embeddings/load.ts';
import type { LocalEmbeddings } from './embeddings/types.ts';

/** DATA_DIR file remembering that `EMBEDDINGS=auto` had to fall back, so later starts do not try the hub again. */
export const CHOICE_FILE = 'embeddings-choice.json';

interface RememberedChoice {
  /** The settings the decision was made for; other settings decide again. */
  model: string;
  modelsDir: string | null;
  allowRemote: boolean;
  /** The encoder that was used instead, and why. */
  fallback: string;
  reason: string;
  decidedAt: string;
}

export interface ChooseOptions {
  notice: ModelNotice;
  warn(message: string): void;
  /** Try the preferred model again even if it was found unavailable before (`dossier index --force`). */
  retry?: boolean;
}

/**
 * Loads the configured encoder, deciding `EMBEDDINGS=auto`'s fallback once per DATA_DIR: when the transformers.js
 * model cannot be had, the warning (with the fix) is given once and the fallback is remembered, so later commands
 * load the packaged encoder directly instead of waiting for the hub again. Other settings load as configured.
 */
export async function chooseEmbeddings(config: Pick<Config, 'embeddings' | 'dataDir'>, options: ChooseOptions): Promise<LocalEmbeddings> {
  const settings = config.embeddings;
  if (settings.kind !== 'auto') return loadEmbeddings(settings, options.notice);
  const remembered = options.retry ? undefined : await readChoice(config.dataDir, settings);
  if (remembered) {
    const since = `, remembered since ${remembered.decidedAt.slice(0, 10)} when ${settings.model} could not be loaded; \`dossier index --force\` tries it again`;
    return loadEmbeddings({ ...settings, kind: 'use-lite' }, (message) =>
      options.notice(/^Embeddings: /.test(message) ? `${message}${since}` : message),
    );
  }
  let fallbackReason: string | undefined;
  const embeddings = await loadEmbeddings(settings, (message) => {
    // load.ts reports its fallback as a notice; here it becomes one warning with the fix, given once.
    if (/unavailable/.test(message) && /falling back/.test(message)) fallbackReason = message;
    else options.notice(message);
  });
  if (embeddings.modelId.startsWith('use-lite:')) {
    const reason = /\((.*)\); falling back/.exec(fallbackReason ?? '')?.[1] ?? 'it could not be loaded';
    options.warn(
      `${fallbackReason ?? `Embedding model ${settings.model} unavailable; falling back to the packaged Universal Sentence Encoder lite.`} ` +
        `To stay offline without this attempt set EMBEDDINGS=use-lite; to use the model, put a copy in MODELS_DIR (see the README's "Embeddings offline"). ` +
        `This choice is remembered in ${join(config.dataDir, CHOICE_FILE)}; \`dossier index --force\` tries the model again.`,
    );
    await writeChoice(
      config.dataDir,
      {
        model: settings.model,
        modelsDir: settings.modelsDir ?? null,
        allowRemote: settings.allowRemote,
        fallback: embeddings.modelId,
        reason,
        decidedAt: new Date().toISOString(),
      },
      options.warn,
    );
  } else if (options.retry) {
    await writeChoice(config.dataDir, undefined, options.warn);
  }
  return embeddings;
}

async function readChoice(dataDir: string, settings: Config['embeddings']): Promise<RememberedChoice | undefined> {
  try {
    const choice = JSON.parse(await readFile(join(dataDir, CHOICE_FILE), 'utf8')) as Partial<RememberedChoice>;
    const same =
      choice.model === settings.model && choice.modelsDir === (settings.modelsDir ?? null) && choice.allowRemote === settings.allowRemote;
    return same && typeof choice.fallback === 'string' && typeof choice.decidedAt === 'string' ? (choice as RememberedChoice) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes (or, with undefined, clears) the remembered choice; failing to is only a warning: the next start decides again. */
async function writeChoice(dataDir: string, choice: RememberedChoice | undefined, warn: (message: string) => void): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true });
    const path = join(dataDir, CHOICE_FILE);
    await writeFileAtomic(path, JSON.stringify(choice ?? {}, null, 2));
  } catch (error) {
    warn(`Could not remember the embedding choice in ${dataDir} (${describeError(error)}); the next start will try the model again.`);
  }
}
