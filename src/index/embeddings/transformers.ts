import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describeError, ModelError } from '../../errors.ts';
import type { LocalEmbeddings } from './types.ts';

/** Where a transformers.js feature-extraction model comes from. */
export interface TransformersEmbeddingsOptions {
  /** Hub id, also the folder under `modelsDir`, e.g. "Xenova/all-MiniLM-L6-v2". */
  model: string;
  /** Holds `<model>/{config.json, tokenizer.json, tokenizer_config.json, onnx/model_quantized.onnx}`. */
  modelsDir?: string;
  /** Whether a model missing from `modelsDir` (and `cacheDir`) may be downloaded. */
  allowRemote: boolean;
  /** Where downloads are kept; also searched before `modelsDir`, even when remote models are off. */
  cacheDir?: string;
  /**
   * Load `onnx/model_quantized.onnx` (true) or `onnx/model.onnx` (false). Unset: whichever `modelsDir` holds,
   * the quantized file first; when it holds neither, the quantized one (what the hub serves by default).
   */
  quantized?: boolean;
}

/** Models that `npm run models:fetch` installs into MODELS_DIR. */
export const FETCHABLE_MODELS: readonly string[] = ['Xenova/all-MiniLM-L6-v2'];

type TransformersModule = typeof import('@xenova/transformers');

// The .d.ts declares these env fields as re-exported constants; at run time they are plain writable properties.
interface MutableEnv {
  localModelPath: string;
  cacheDir: string;
  allowLocalModels: boolean;
  allowRemoteModels: boolean;
  remoteHost: string;
}

const BATCH_SIZE = 32;
const PROBE_TEXT = 'dimension probe';

const loads = new Map<string, Promise<LocalEmbeddings>>();
let envLock: Promise<unknown> = Promise.resolve();
let envDefaults: Pick<MutableEnv, 'localModelPath' | 'cacheDir'> | undefined;

/**
 * Loads a sentence encoder through `@xenova/transformers` (mean pooling, L2-normalised), once per
 * (model, modelsDir, quantized): concurrent and later callers share the same load and the same instance.
 * @throws ModelError saying where the model was looked for and how to make it available.
 */
export async function loadTransformersEmbeddings(options: TransformersEmbeddingsOptions): Promise<LocalEmbeddings> {
  const quantized = options.quantized ?? prefersQuantized(options);
  const key = JSON.stringify([options.model, options.modelsDir ?? null, quantized]);
  let load = loads.get(key);
  if (!load) {
    load = loadModel(options, quantized);
    loads.set(key, load);
    // A failed load is forgotten so that a caller can retry once the files are in place.
    load.catch(() => loads.delete(key));
  }
  return load;
}

function prefersQuantized({ modelsDir, model }: TransformersEmbeddingsOptions): boolean {
  if (!modelsDir) return true;
  const onnxDir = join(modelsDir, model, 'onnx');
  return existsSync(join(onnxDir, 'model_quantized.onnx')) || !existsSync(join(onnxDir, 'model.onnx'));
}

async function loadModel(options: TransformersEmbeddingsOptions, quantized: boolean): Promise<LocalEmbeddings> {
  const transformers = await importTransformers();
  const extractor = await withEnv(transformers, options, () =>
    transformers.pipeline('feature-extraction', options.model, { quantized }).catch((cause: unknown) => {
      throw loadError(options, quantized, (transformers.env as MutableEnv).remoteHost, cause);
    }),
  );
  const embed = async (texts: string[]): Promise<number[][]> => {
    const output = await extractor(texts, { pooling: 'mean', normalize: true });
    return output.tolist() as number[][];
  };
  let dimensions: number;
  try {
    dimensions = (await embed([PROBE_TEXT]))[0]?.length ?? 0;
  } catch (cause) {
    throw new ModelError(
      `Embedding model "${options.model}" loaded but failed on a probe sentence: ${describeError(cause)}. ` +
        'Is it a feature-extraction (sentence-transformers) model exported to ONNX?',
      { cause },
    );
  }
  if (dimensions === 0) throw new ModelError(`Embedding model "${options.model}" returned an empty vector for a probe sentence.`);

  return {
    // The full-precision export embeds slightly differently from the quantized one, so an index built with one
    // must be rebuilt for the other: the manifest compares this id.
    modelId: `transformers:${options.model}${quantized ? '' : ':fp32'}`,
    dimensions,
    embedQuery: async (text) => (await embed([text]))[0]!,
    embedDocuments: async (texts) => {
      const vectors: number[][] = [];
      for (let start = 0; start < texts.length; start += BATCH_SIZE) {
        vectors.push(...(await embed(texts.slice(start, start + BATCH_SIZE))));
      }
      return vectors;
    },
  };
}

// Imported lazily: it loads onnxruntime-node and sharp, which processes that never embed should not pay for.
async function importTransformers(): Promise<TransformersModule> {
  try {
    return await import('@xenova/transformers');
  } catch (cause) {
    throw new ModelError(
      `Could not load @xenova/transformers (it needs the onnxruntime-node and sharp native packages): ${describeError(cause)}. ` +
        'Reinstall dependencies with `npm ci`, or set EMBEDDINGS=use-lite.',
      { cause },
    );
  }
}

/** transformers.js reads its settings from one global `env`, so loads run one at a time, each with its own settings. */
function withEnv<T>(transformers: TransformersModule, options: TransformersEmbeddingsOptions, task: () => Promise<T>): Promise<T> {
  const run = async () => {
    const env = transformers.env as MutableEnv;
    envDefaults ??= { localModelPath: env.localModelPath, cacheDir: env.cacheDir };
    env.localModelPath = options.modelsDir ?? envDefaults.localModelPath;
    env.cacheDir = options.cacheDir ?? envDefaults.cacheDir;
    env.allowLocalModels = true;
    env.allowRemoteModels = options.allowRemote;
    return task();
  };
  const result = envLock.then(run, run);
  envLock = result.catch(() => undefined);
  return result;
}

function loadError(options: TransformersEmbeddingsOptions, quantized: boolean, remoteHost: string, cause: unknown): ModelError {
  const { model, modelsDir, allowRemote } = options;
  const detail = describeError(cause);
  const where = modelsDir ? `MODELS_DIR=${modelsDir}` : 'MODELS_DIR (not set)';
  const files = `config.json, tokenizer.json, tokenizer_config.json and onnx/model${quantized ? '_quantized' : ''}.onnx`;
  const target = modelsDir ? join(modelsDir, model) : `MODELS_DIR/${model}`;
  const source = `${remoteHost.replace(/\/?$/, '/')}${model}`;
  // The model that models:fetch installs gets the one command that puts it in place, with no hub needed.
  const fetchHint = FETCHABLE_MODELS.includes(model)
    ? ` To install it offline, run \`MODELS_DIR=${modelsDir ?? 'models'} npm run models:fetch\`.`
    : '';
  // transformers.js 2.x reports a missing local file with this wording and the path it tried.
  const missing = /not found locally at "([^"]+)"/.exec(detail)?.[1];
  if (missing && !allowRemote) {
    return new ModelError(
      `Could not load embedding model "${model}": not found in ${where} and ALLOW_REMOTE_MODELS=false (missing ${missing}). ` +
        `Download it (${files} from ${source}) into ${target}, or allow remote models.${fetchHint}`,
      { cause },
    );
  }
  if (allowRemote && /fetch failed|Could not locate file|access to file|to load file/i.test(detail)) {
    return new ModelError(
      `Could not load embedding model "${model}": not found in ${where} and downloading it failed (${detail}). ` +
        `Check the model name and network access, or download it (${files} from ${source}) into ${target}.${fetchHint}`,
      { cause },
    );
  }
  return new ModelError(
    `Could not load embedding model "${model}" (${where}, ALLOW_REMOTE_MODELS=${allowRemote}): ${detail}. ` +
      `Check that ${target} holds a complete ONNX export (${files}).${fetchHint}`,
    { cause },
  );
}
