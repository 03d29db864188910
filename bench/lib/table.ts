import { SEARCH_EF } from '../../src/retrieve/hybrid.ts';
import type { BenchResults, ColdStartResult, ScaleResult } from './results.ts';
import type { Summary } from './stats.ts';

/** A markdown table. */
export function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

const ms = (value: number | undefined) =>
  value === undefined || Number.isNaN(value)
    ? '–'
    : value >= 10_000
      ? `${(value / 1000).toFixed(1)} s`
      : `${Math.round(value * 10) / 10} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const pct = (s: Summary) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}`;
const met = (ok: boolean) => (ok ? 'met' : '**missed**');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The benchmark's tables, with the targets of issue 5 beside the figures they concern. */
export function renderTables(r: BenchResults): string {
  const a = r.answering;
  const cold = median(r.coldStart.built.map((run) => run.firstAnswerMs));
  const coldRun = r.coldStart.built.find((run) => run.firstAnswerMs === cold)!;
  const { inProcess, worker } = r.reindex;
  const load = `load average ${r.machine.loadAverage.start.join(', ')} → ${r.machine.loadAverage.end.join(', ')}`;
  const sections = [
    `Dossier benchmark${r.quick ? ' (--quick)' : ''}, encoder ${r.encoder ?? 'use-lite'}, at ${r.commit}, ${r.startedAt}: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGb} GB, Node ${r.machine.node}; ${load}; ${seconds(r.durationMs)} in all.`,
    `### Real corpus (${a.chunks} chunks): start-up, answering, indexing`,
    table(
      ['measure', 'figure', 'target', ''],
      [
        ['cold start, index built: process start → first answer', `${seconds(cold)} (${phases(coldRun)})`, '< 3 s', met(cold < 3000)],
        [
          'cold start, index missing (build included)',
          `${seconds(r.coldStart.missing.firstAnswerMs)} (${phases(r.coldStart.missing)})`,
          '',
          '',
        ],
        ['warm ask p50 / p95 / max', pct(a.ask.total), 'p50 < 50 ms, p95 < 150 ms', met(a.ask.total.p50 < 50 && a.ask.total.p95 < 150)],
        ['… of which embed (query through the encoder)', pct(a.ask.embed), '', ''],
        ['… of which retrieve (HNSW + BM25 + fusion)', pct(a.ask.retrieve), '', ''],
        ['… of which compose (sentence scoring, evidence, citations)', pct(a.ask.compose), '', ''],
        ['search p50 / p95 / max', pct(a.search), '', ''],
        ['timeline lookup p50 / p95 / max (topic ones embed)', pct(a.timeline), '', ''],
        ...a.concurrent.map((c) => [
          `throughput, ${c.callers} concurrent caller${c.callers > 1 ? 's' : ''}`,
          `${c.perSecond} questions/s, each p50 ${ms(c.latency.p50)}, p95 ${ms(c.latency.p95)}`,
          '',
          '',
        ]),
        [
          'embedding throughput at index time (worker)',
          `${worker.chunksPerS} chunks/s; ${worker.textsPerS} sentences/s through the encoder`,
          '',
          '',
        ],
        [
          'reindex of the real corpus (worker): total, peak RSS',
          `${seconds(worker.reindexMs)}, ${worker.peakRssMb} MB (in-process: ${seconds(inProcess.reindexMs)}, ${inProcess.peakRssMb} MB)`,
          '',
          '',
        ],
        [
          'event-loop delay during reindex, in-process: p99 / max',
          `${ms(inProcess.loopDelay.p99)} / ${ms(inProcess.loopDelay.max)} (worst in ${inProcess.loopDelay.worst.phase})`,
          '',
          '',
        ],
        [
          'event-loop delay during reindex, worker: p99 / max',
          `${ms(worker.loopDelay.p99)} / ${ms(worker.loopDelay.max)} (worst in ${worker.loopDelay.worst.phase})`,
          '',
          '',
        ],
        ...(inProcess.withAsks && worker.withAsks
          ? [
              [
                'ask during a reindex p50 / max: in-process → worker',
                `${ms(inProcess.withAsks.asks.p50)} / ${ms(inProcess.withAsks.asks.max)} (${inProcess.withAsks.asks.n} asked) → ${ms(worker.withAsks.asks.p50)} / ${ms(worker.withAsks.asks.max)} (${worker.withAsks.asks.n} asked)`,
                '',
                '',
              ],
            ]
          : []),
      ],
    ),
    `### Encoder options (${r.encoder ?? 'use-lite'}; ${r.embedding.results[0]?.texts ?? 0} real sentences, ${r.embedding.meanChars} characters on average)`,
    table(
      ['how', 'sentences/s', 'time'],
      [...r.embedding.results, ...r.embedding.noSimd].map((v) => [
        `${v.label}${v.simd ? '' : ' (plain WebAssembly)'}`,
        String(v.perS),
        ms(v.ms),
      ]),
    ),
    "### Scale: synthetic corpora of real sentences (vectors: normalized sums of the real sentences' vectors)",
    scaleTable(r.scale),
  ];
  return sections.join('\n\n');
}

function phases(run: ColdStartResult): string {
  const p = run.phases;
  return `${p.node === undefined ? `node+tsx ${seconds(p.nodeAndTsx ?? NaN)}` : `node ${seconds(p.node)}`}, imports ${seconds(p.imports)}, model+index ${seconds(p.openIndex)}, first ask ${ms(p.firstAsk)}`;
}

function scaleTable(scale: ScaleResult[]): string {
  const sizes = scale.map((s) => (s.build ? s.build.chunks.toLocaleString('en-US') : `${s.target.toLocaleString('en-US')} (failed)`));
  let row = 0;
  // A failed size shows its error once, in the first row.
  const at = (f: (s: Required<ScaleResult>) => string) => {
    row++;
    return scale.map((s) => (s.build && s.serve ? f(s as Required<ScaleResult>) : row === 1 ? (s.error ?? '–') : '–'));
  };
  const production = (s: Required<ScaleResult>) => s.serve.hnsw.find((h) => h.ef === SEARCH_EF) ?? s.serve.hnsw[0]!;
  // The scale targets concern 100,000 chunks; a --quick run stops short of that.
  const largest = scale.at(-1)?.target === 100_000 ? scale.at(-1) : undefined;
  const top = largest?.serve ? production(largest as Required<ScaleResult>) : undefined;
  const rows: string[][] = [
    [
      'articles / sentences',
      ...at((s) => `${s.build.articles.toLocaleString('en-US')} / ${s.serve.sentences.toLocaleString('en-US')}`),
      '',
    ],
    ['build: load + chunk corpus', ...at((s) => seconds(s.build.phasesMs.scanAndChunk)), ''],
    ['build: HNSW insertion + index files', ...at((s) => seconds(s.build.phasesMs.writeAndInsert)), ''],
    [
      'bare HNSW insertion (M 16, efConstruction 200)',
      ...at((s) => (s.serve.insertion ? `${seconds(s.serve.insertion.ms)} (${s.serve.insertion.perS}/s)` : '–')),
      '',
    ],
    ['build: longest event-loop stall (phase)', ...at((s) => `${ms(s.build.loopDelay.worst.ms)} (${s.build.loopDelay.worst.phase})`), ''],
    ['build peak RSS (heap limit)', ...at((s) => `${s.build.peakBuildRssMb} MB (${s.build.heapLimitMb} MB)`), ''],
    [
      'index on disk (of which sentence vectors)',
      ...at((s) => `${s.build.diskMb} MB (${s.build.diskFilesMb['sentence-vectors.f32'] ?? 0} MB)`),
      '',
    ],
    ['index load time', ...at((s) => seconds(s.serve.loadMs)), ''],
    [
      'RSS serving (model alone)',
      ...at((s) => `${s.serve.rssMb.serving} MB (${s.serve.rssMb.model} MB)`),
      `< 1.5 GB at 100k: ${largest?.serve ? met(largest.serve.rssMb.serving < 1536) : '–'}`,
    ],
    [
      'ask p50 / p95',
      ...at((s) => `${ms(s.serve.ask.total.p50)} / ${ms(s.serve.ask.total.p95)}`),
      `p50 < 100 ms at 100k: ${largest?.serve ? met(largest.serve.ask.total.p50 < 100) : '–'}`,
    ],
    ['… retrieve p50 / p95', ...at((s) => `${ms(s.serve.ask.retrieve.p50)} / ${ms(s.serve.ask.retrieve.p95)}`), ''],
    [
      '… of which BM25 / HNSW (30 candidates) p50',
      ...at((s) => `${ms(s.serve.rankings.lexical.p50)} / ${ms(s.serve.rankings.dense.p50)}`),
      '',
    ],
    ['… compose p50 / p95', ...at((s) => `${ms(s.serve.ask.compose.p50)} / ${ms(s.serve.ask.compose.p95)}`), ''],
    [
      `HNSW recall@10 at ef ${SEARCH_EF} (as retrieve uses it)`,
      ...at((s) => `${production(s).recallAt10} (${production(s).recallByScore} counting ties)`),
      `≥ 0.98 at 100k: ${top ? met(top.recallAt10 >= 0.98) : '–'}`,
    ],
    [
      `HNSW top-10 p50 at ef ${SEARCH_EF} / brute force p50`,
      ...at((s) => `${ms(production(s).latency.p50)} / ${ms(s.serve.bruteForce.p50)}`),
      '',
    ],
    [
      `speed-up over brute force at ef ${SEARCH_EF}`,
      ...at((s) => `${production(s).speedup}×`),
      `≥ 10× at 100k: ${top ? met(top.speedup >= 10) : '–'}`,
    ],
    [
      'recall@10 / speed-up at other ef',
      ...at((s) =>
        s.serve.hnsw
          .filter((h) => h.ef !== SEARCH_EF)
          .map((h) => `ef ${h.ef}: ${h.recallAt10} / ${h.speedup}×`)
          .join('; '),
      ),
      '',
    ],
    ['timeline extraction per article (sample)', ...at((s) => ms(s.build.timelineMsPerArticle)), ''],
  ];
  return table(['chunks', ...sizes, 'target'], rows);
}
