import type { Config } from '../config.ts';
import { loadCalibration } from '../answer/calibration.ts';
import { createChatModel } from '../answer/llm.ts';
import type { Dossier, ReindexProgress } from './dossier.ts';
import type { TimelineModule } from './deps.ts';
import { createDossier } from './facade.ts';
import { warmUpAnswering } from './warm-up.ts';
import type { OpenReport } from './open-index.ts';
import { availableParallelism } from 'node:os';
import { createEmbedderPool } from '../index/embed-worker.ts';
import { siblingModule } from '../index/worker-spawn.ts';
import { chooseEmbeddings } from '../index/embedding-choice.ts';
import { selectEvents } from '../timeline/query.ts';
import { loadTimeline } from '../timeline/store.ts';

/**
 * The real timeline stage: extraction at build time, lookups at question time. Extraction (compromise, chrono)
 * is imported on the first build, so that opening a current index does not load it.
 */
export const timelineModule: TimelineModule = {
  extract: async (articles, reuse, options) => (await import('../timeline/stage.ts')).buildTimeline(articles, reuse, options),
  save: async (dir, build) => (await import('../timeline/stage.ts')).saveTimelineBuild(dir, build),
  prepare: async (dir, articles) => (await import('../timeline/stage.ts')).prepareTimelineChange(dir, articles, nextTurn),
  load: loadTimeline,
  select: selectEvents,
};

/** A turn of the event loop: what questions wait for while the next change is readied in the background. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reports from opening: which model, what was rebuilt, warnings. */
export interface OpenHooks {
  notice(message: string): void;
  warn(message: string): void;
  onBuildProgress?(progress: ReindexProgress): void;
  /** Try the preferred embedding model again even if EMBEDDINGS=auto found it unavailable before. */
  retryPreferredModel?: boolean;
}

/** Wires the configured embeddings, optional LLM and timeline into the facade (the composition root of the core). */
export async function openDossier(config: Config, hooks: OpenHooks): Promise<Dossier & { opened: OpenReport }> {
  const embeddings = await chooseEmbeddings(config, { notice: hooks.notice, warn: hooks.warn, retry: hooks.retryPreferredModel });
  const calibration = loadCalibration(embeddings.modelId);
  if (calibration.fallback) {
    hooks.warn(
      `No answer calibration was fitted for ${embeddings.modelId}: using the encoder-independent one, which declines more often. Run npm run calibrate to fit one.`,
    );
  }
  const llm = await createChatModel(config.llm);
  if (llm) hooks.notice(`LLM: ${config.llm.provider} model ${config.llm.model}; extractive answers are the fallback.`);
  // Index-time embedding runs in a worker thread so that a reindex does not stall heartbeats and questions. The
  // worker loads the model the main thread settled on, without trying (or downloading) the preferred one again.
  const settings = embeddings.modelId.startsWith('use-lite:') ? { ...config.embeddings, kind: 'use-lite' as const } : config.embeddings;
  // One encoder thread per core, up to two: the second one nearly doubles warm throughput on a 2-core machine
  // (npm run bench -- --scale), and more would compete with answering for the same cores.
  const embed = createEmbedderPool(settings, { modelId: embeddings.modelId, workers: Math.min(2, availableParallelism()) });
  // A failed warm-up costs nothing but the time: the first question then meets the same error and reports it.
  const warmingUp = warmUpAnswering(embeddings).catch(() => {});
  try {
    const dossier = await createDossier(
      {
        config,
        embeddings,
        calibration,
        llm,
        embed,
        buildThread: { timelineStage: siblingModule('timeline-build-stage', import.meta.url).href },
        timeline: timelineModule,
        warn: hooks.warn,
      },
      hooks.onBuildProgress,
    );
    await warmingUp;
    return dossier;
  } catch (error) {
    await embed.close();
    throw error;
  }
}
