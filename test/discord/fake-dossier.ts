/**
 * A deterministic `Dossier` for the Discord tests: canned answers whose quotes are checked to be verbatim in the
 * real corpus files, a fixed timeline, and a reindex and asks that tests can hold open or make fail.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { selectEvents } from '../../src/timeline/query.ts';
import type { Answer, Citation } from '../../src/answer/types.ts';
import type {
  ArticleSummary,
  CorpusChangeSummary,
  PreparedArticle,
  Dossier,
  IndexInfo,
  ReindexHolder,
  ReindexProgress,
  ReindexSummary,
  SearchHit,
} from '../../src/core/dossier.ts';
import { IndexError, UserError } from '../../src/errors.ts';
import type { TimelineEvent, TimelineQuery } from '../../src/timeline/types.ts';

export const CORPUS_DIR = join(import.meta.dirname, '../fixtures/corpus');

const ARTICLES: Omit<ArticleSummary, 'chunks'>[] = [
  { source: '000_538beb675e1a6ae0.txt', date: '2023-04-09' },
  { source: '001_8cf058473a78eb62.txt', title: '‘You’ll be welcome’: Arms dealer Viktor Bout offers Trump refuge in Russia' },
  { source: '002_46d3cbafd3f6e099.txt', title: 'Russia cites virus fears to press for Viktor Bout release from prison' },
  { source: '003_c464dfc57fd8e736.txt', title: 'Businessman Bout jailed in US hopes for Russian government assisstance', outlet: 'TASS' },
  {
    source: '004_91ab4689b524ca48.txt',
    title: 'Russia Intends to Intercede for Bout',
    outlet: 'The Moscow Times',
    author: 'Alexander Bratersky',
    date: '2012-04-08',
  },
];

const texts = new Map<string, string>();
function fileText(source: string): string {
  if (!texts.has(source)) texts.set(source, readFileSync(join(CORPUS_DIR, source), 'utf8'));
  return texts.get(source)!;
}

/** Where `quote` is in its file; throws if it is not verbatim, so the fake never cites what the corpus lacks. */
function offsets(source: string, quote: string): { start: number; end: number } {
  const start = fileText(source).indexOf(quote);
  if (start < 0) throw new Error(`Fake dossier quote is not verbatim in ${source}: ${quote}`);
  return { start, end: start + quote.length };
}

interface Canned {
  pattern: RegExp;
  answer: string;
  cite: [source: string, quote: string][];
}

const CANNED: Canned[] = [
  {
    pattern: /arrest|detain/i,
    answer:
      'Viktor Bout was detained in 2008 in Bangkok, Thailand [1], by U.S. Drug Enforcement Administration agents and Thai police [2].',
    cite: [
      ['003_c464dfc57fd8e736.txt', 'Bout was detained in 2008 in Bangkok, Thailand'],
      ['002_46d3cbafd3f6e099.txt', 'His 2008 arrest in Bangkok by U.S. Drug Enforcement Administration agents and Thai police'],
    ],
  },
  {
    pattern: /prison|marion|serv/i,
    answer: 'Bout served his 25-year sentence at the federal prison at Marion, Illinois [1], some 500 kilometers south of Chicago [2].',
    cite: [
      ['002_46d3cbafd3f6e099.txt', 'Bout is serving a 25-year sentence at the federal medium-security prison at Marion, Ill.'],
      [
        '003_c464dfc57fd8e736.txt',
        'The Russian national is serving his sentence in the United States Penitentiary, Marion, some 500 kilometers south of Chicago.',
      ],
    ],
  },
  {
    pattern: /tass/i,
    answer: 'Bout told TASS that he expects the Russian government to take "particular steps" to solve his case [1].',
    cite: [['003_c464dfc57fd8e736.txt', 'I expect that our government will take some particular steps.']],
  },
  {
    pattern: /trump/i,
    answer: 'On Friday, April 7, 2023, Bout urged Donald Trump to seek refuge in Russia [1].',
    cite: [['000_538beb675e1a6ae0.txt', 'on Friday, urged the former US President Donald trump to seek refuge in Russia']],
  },
];

/** The case's main events, with quotes taken verbatim from the corpus. */
export const EVENTS: TimelineEvent[] = [
  event('2008', 'year', 'Bout arrested in Bangkok in a US sting', [
    ['002_46d3cbafd3f6e099.txt', 'His 2008 arrest in Bangkok'],
    ['003_c464dfc57fd8e736.txt', 'Bout was detained in 2008 in Bangkok, Thailand'],
  ]),
  event('2010', 'year', 'Bout extradited to the United States', [['003_c464dfc57fd8e736.txt', 'In 2010, Bout was extradited to the US.']]),
  event('2011-11', 'month', 'Bout convicted on four conspiracy counts', [
    ['002_46d3cbafd3f6e099.txt', 'He was convicted in November 2011 on four conspiracy counts'],
  ]),
  event(
    '2012-04-05',
    'day',
    'Bout sentenced in New York',
    [['004_91ab4689b524ca48.txt', 'Bout’s sentencing Thursday in New York']],
    'occurred',
    ['Viktor Bout'],
  ),
  event(
    '2012-04-11',
    'day',
    'Lavrov starts a visit to Washington',
    [['004_91ab4689b524ca48.txt', 'during his visit to Washington, which starts Wednesday']],
    'scheduled',
    ['Sergei Lavrov'],
  ),
  event('2022-12', 'month', 'Bout swapped for Britney Griner', [
    ['000_538beb675e1a6ae0.txt', 'high-profile prisoner exchange between Moscow and Washington in December 2022'],
  ]),
  event('2023-04-07', 'day', 'Bout urges Trump to seek refuge in Russia', [
    ['000_538beb675e1a6ae0.txt', 'on Friday, urged the former US President Donald trump to seek refuge in Russia'],
  ]),
];

/** Thirteen one-a-year events before the case's own: enough that a timeline needs more than one page. */
export const MANY_EVENTS: TimelineEvent[] = [
  ...Array.from({ length: 13 }, (_, i) => ({
    ...EVENTS[0]!,
    id: `filler${i}`,
    date: String(1990 + i),
    precision: 'year' as const,
    summary: `Filler event ${i + 1}`,
  })),
  ...EVENTS,
];

function event(
  date: string,
  precision: TimelineEvent['precision'],
  summary: string,
  sources: [string, string][],
  kind: TimelineEvent['kind'] = 'occurred',
  people: string[] = [],
): TimelineEvent {
  return {
    id: `${date}-${summary}`,
    date,
    precision,
    approximate: false,
    summary,
    kind,
    people,
    places: [],
    sources: sources.map(([source, quote]) => ({ source, quote, ...offsets(source, quote) })),
  };
}

const deferred = () => {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
};

export class FakeDossier implements Dossier {
  /** Every question asked, with its context, in order. */
  readonly asked: { question: string; context?: string }[] = [];
  /** Thrown by the next ask() (once). */
  failNextAsk?: Error;
  #askHold?: Promise<void>;
  #reindexHold?: Promise<void>;
  #progress?: ReindexProgress;
  /** What reindexHolder() reports: set it to play another process holding the reindex lock. */
  holder?: ReindexHolder;

  constructor(private readonly events: TimelineEvent[] = EVENTS) {
    const files = readdirSync(CORPUS_DIR);
    for (const article of ARTICLES)
      if (!files.includes(article.source)) throw new Error(`Fake dossier expects ${article.source} in the corpus`);
  }

  async ask(question: string, options?: { context?: string }): Promise<Answer> {
    this.asked.push({ question, context: options?.context });
    await this.#askHold;
    const error = this.failNextAsk;
    this.failNextAsk = undefined;
    if (error) throw error;
    const canned = CANNED.find((c) => c.pattern.test(question)) ?? CANNED.find((c) => options?.context && c.pattern.test(options.context));
    const timingsMs = { embed: 2, retrieve: 3, compose: 1, total: 6 };
    if (!canned) {
      const nearest = ARTICLES.slice(0, 2).map(({ source, title, date }) => ({ source, title, date }));
      return {
        question,
        answer: 'The articles do not say.',
        abstained: true,
        citations: [],
        retrieved: [],
        timingsMs,
        mode: 'extractive',
        nearest,
      };
    }
    const citations: Citation[] = canned.cite.map(([source, quote], i) => {
      offsets(source, quote);
      const article = ARTICLES.find((a) => a.source === source)!;
      return { n: i + 1, source, title: article.title, date: article.date, quote };
    });
    const retrieved = citations.map((c) => ({ source: c.source, chunkId: `${c.source}#0`, score: 0.9 }));
    return { question, answer: canned.answer, abstained: false, citations, retrieved, timingsMs, mode: 'extractive' };
  }

  async search(query: string, k = 5): Promise<SearchHit[]> {
    const answer = await this.ask(query);
    return answer.citations
      .slice(0, k)
      .map((c) => ({ source: c.source, title: c.title, text: c.quote, score: 0.9, ...offsets(c.source, c.quote) }));
  }

  async timeline(query: TimelineQuery = {}): Promise<TimelineEvent[]> {
    // The real lookup (pure, no index needed), so that the Discord tests see the filters users get.
    return selectEvents(this.events, query);
  }

  sources(): ArticleSummary[] {
    return ARTICLES.map((article) => ({ ...article, chunks: Math.ceil(fileText(article.source).length / 700) }));
  }

  /** Makes asks wait until the returned function is called. */
  holdAsks(): () => void {
    const { promise, release } = deferred();
    this.#askHold = promise;
    return () => {
      this.#askHold = undefined;
      release();
    };
  }

  /** Makes the next reindex stop halfway through embedding until the returned function is called. */
  holdReindex(): () => void {
    const { promise, release } = deferred();
    this.#reindexHold = promise;
    return release;
  }

  async reindex(options: { force?: boolean; onProgress?: (progress: ReindexProgress) => void } = {}): Promise<ReindexSummary> {
    if (this.#progress) throw new IndexError('A reindex is already running.', 'busy');
    const started = Date.now();
    const progress: ReindexProgress = {
      phase: 'scanning',
      filesTotal: ARTICLES.length,
      chunksTotal: 0,
      chunksEmbedded: 0,
      startedAt: started,
    };
    const report = (change: Partial<ReindexProgress>) => {
      Object.assign(progress, change);
      options.onProgress?.({ ...progress });
    };
    this.#progress = progress;
    try {
      report({});
      await Promise.resolve();
      report({ phase: 'embedding', chunksTotal: 40, chunksEmbedded: 20 });
      await this.#reindexHold;
      this.#reindexHold = undefined;
      report({ chunksEmbedded: 40 });
      report({ phase: 'timeline' });
      report({ phase: 'writing' });
      report({ phase: 'swapping' });
      report({ phase: 'done' });
      return {
        rebuilt: true,
        added: [],
        changed: ['003_c464dfc57fd8e736.txt'],
        removed: [],
        unchanged: 4,
        skipped: [],
        chunks: 40,
        events: this.events.length,
        ms: Date.now() - started,
      };
    } finally {
      this.#progress = undefined;
    }
  }

  // The fake's corpus is fixed: corpus changes are tested against the real core (corpus-command.slow.test.ts).
  async prepareArticle(): Promise<PreparedArticle> {
    throw new UserError('The test corpus cannot be changed.');
  }

  async addArticle(): Promise<CorpusChangeSummary> {
    throw new UserError('The test corpus cannot be changed.');
  }

  async removeArticle(): Promise<CorpusChangeSummary> {
    throw new UserError('The test corpus cannot be changed.');
  }

  async prepareChanges(): Promise<void> {}

  async followCurrentIndex(): Promise<IndexInfo | undefined> {
    return undefined;
  }

  reindexProgress(): ReindexProgress | undefined {
    return this.#progress && { ...this.#progress };
  }

  async reindexHolder(): Promise<ReindexHolder | undefined> {
    return (
      this.holder ??
      (this.#progress ? { pid: process.pid, host: 'localhost', since: new Date(this.#progress.startedAt).toISOString() } : undefined)
    );
  }

  async refresh(): Promise<boolean> {
    return false;
  }

  info(): IndexInfo {
    return {
      version: 'index-20240501T120000000Z-1-0',
      model: 'fake-embeddings',
      dimensions: 8,
      articles: ARTICLES.length,
      chunks: 40,
      events: this.events.length,
      builtAt: '2024-05-01T12:00:00.000Z',
    };
  }

  async close(): Promise<void> {}
}
