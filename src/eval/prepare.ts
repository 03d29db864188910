import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { prepareQuestion, type PreparedQuestion } from '../answer/answer.ts';
import type { DateLookup } from '../answer/compose.ts';
import type { Config } from '../config.ts';
import type { LocalEmbeddings } from '../index/embeddings/types.ts';
import type { AnswerCorpus } from '../answer/sources.ts';
import { answerCorpusOf } from '../core/answer-corpus.ts';
import { openOrBuildIndex } from '../core/open-index.ts';
import { passageDates } from '../timeline/date-lookup.ts';
import { timelineModule } from '../core/open-dossier.ts';
import type { LabelledSet } from './labelled.ts';
import type { EvalQuestion } from './metrics.ts';

/** A labelled question measured against its corpus's index, ready for any fitted parameters. */
export interface PreparedItem {
  set: string;
  question: EvalQuestion;
  prepared: PreparedQuestion;
  corpus: AnswerCorpus;
  /** A short name of the question's corpus, the same on every run. */
  corpusName: string;
  lookupDate: DateLookup;
  fileText: (source: string) => string | undefined;
}

/**
 * Builds (or reuses) an index of each set's corpus under `dataRoot` and prepares every question: embedding,
 * retrieval and candidate features, which do not depend on anything fitted.
 */
export async function prepareSets(sets: LabelledSet[], config: Config, embeddings: LocalEmbeddings, dataRoot: string, notice: (m: string) => void): Promise<PreparedItem[]> {
  const opened = new Map<string, { corpus: AnswerCorpus; corpusName: string; lookupDate: DateLookup }>();
  const items: PreparedItem[] = [];
  for (const set of sets) {
    let corpus = opened.get(set.corpusDir);
    if (!corpus) {
      const corpusName = set.corpusDir.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(-60);
      const dataDir = join(dataRoot, `index-of-${corpusName}`);
      await mkdir(dataDir, { recursive: true });
      const deps = { config: { ...config, corpusDir: set.corpusDir, dataDir }, embeddings, timeline: timelineModule, warn: notice };
      const open = await openOrBuildIndex(deps);
      if (open.built) notice(`Built an index of ${set.corpusDir} (${open.built.chunks} chunks).`);
      corpus = { corpus: answerCorpusOf(open.artifact), corpusName, lookupDate: passageDates(open.events) };
      opened.set(set.corpusDir, corpus);
    }
    const fileText = (source: string) => {
      try {
        return readFileSync(join(set.corpusDir, source), 'utf8');
      } catch {
        return undefined;
      }
    };
    for (const question of set.questions) {
      const prepared = await prepareQuestion(corpus.corpus, question.question, { embeddings });
      items.push({ set: set.name, question, prepared, corpus: corpus.corpus, corpusName: corpus.corpusName, lookupDate: corpus.lookupDate, fileText });
    }
  }
  return items;
}
