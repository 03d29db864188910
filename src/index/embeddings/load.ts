import type { Config } from '../../config.ts';
import { describeError } from '../../errors.ts';
import type { LocalEmbeddings } from './types.ts';

/** Reports which model was picked and why (the one line users see about embeddings). */
export type ModelNotice = (message: string) => void;

/**
 * Loads the configured encoder. `auto` prefers the transformers.js model (from MODELS_DIR, or downloaded when
 * ALLOW_REMOTE_MODELS=true) and falls back to the packaged Universal Sentence Encoder lite when it cannot be had.
 */
export async function loadEmbeddings(settings: Config['embeddings'], notice: ModelNotice): Promise<LocalEmbeddings> {
  if (settings.kind === 'use-lite') return announce(await loadUseLite(), notice);
  try {
    const { loadTransformersEmbeddings } = await import('./transformers.ts');
    const embeddings = await loadTransformersEmbeddings({
      model: settings.model,
      modelsDir: settings.modelsDir,
      allowRemote: settings.allowRemote,
    });
    return announce(embeddings, notice);
  } catch (error) {
    if (settings.kind === 'transformers') throw error;
    notice(
      `Embedding model ${settings.model} unavailable (${firstLine(error)}); falling back to the packaged Universal Sentence Encoder lite.`,
    );
    return announce(await loadUseLite(), notice);
  }
}

async function loadUseLite(): Promise<LocalEmbeddings> {
  const { loadUseLiteEmbeddings } = await import('./use-lite.ts');
  return loadUseLiteEmbeddings();
}

function announce(embeddings: LocalEmbeddings, notice: ModelNotice): LocalEmbeddings {
  notice(`Embeddings: ${embeddings.modelId} (${embeddings.dimensions} dimensions)`);
  return embeddings;
}

function firstLine(error: unknown): string {
  return describeError(error)
    .split(/\n|\. /)[0]!
    .slice(0, 240);
}
