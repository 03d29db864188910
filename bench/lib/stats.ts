import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** Latency summary of a series of measurements, in milliseconds. */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

/** p50/p95/max of a series (nearest-rank percentiles). */
export function summarize(values: number[]): Summary {
  if (values.length === 0) return { n: 0, p50: NaN, p95: NaN, max: NaN, mean: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return {
    n: values.length,
    p50: round(rank(50)),
    p95: round(rank(95)),
    max: round(sorted.at(-1)!),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
}

/** Runs `task` and returns its result with the milliseconds it took. */
export async function timed<T>(task: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await task();
  return { value, ms: round(performance.now() - started) };
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export const mb = (bytes: number) => round(bytes / 2 ** 20, 0);

/** Peak resident memory of this process so far, MiB (the worker threads' memory included). */
export const peakRssMb = () => round(process.resourceUsage().maxRSS / 1024, 0);

const RESOLUTION_MS = 10;

/** Event-loop delay figures, ms. */
export interface DelayFigures {
  p99: number;
  max: number;
}

/**
 * How long the loop itself was busy (running callbacks, not waiting for events) between two ticks, ms, from
 * `performance.eventLoopUtilization`: a tick that comes late while the loop was idle was kept from its core by
 * the machine's other processes, one late because the loop was busy was blocked by this process's own work.
 */
export interface BlockingFigures {
  p99: number;
  max: number;
}

/**
 * Event-loop delay while a task runs: overall p99/max from `monitorEventLoopDelay`, and per phase from a 10 ms
 * timer whose lateness is charged to the phase that held most of the late interval (phases can change inside
 * one stall, e.g. a build reports "embedding" and then blocks the loop embedding).
 */
export class LoopDelay {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private readonly samples: Record<string, number[]> = {};
  private changes: { phase: string; at: number }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly busy: number[] = [];
  /** The longest stall: how long, in which phase, when (ms after start), and how much of it the loop was busy. */
  worst = { ms: 0, phase: '', at: 0, busyMs: 0 };

  start(phase: string): void {
    const started = performance.now();
    this.changes = [{ phase, at: started }];
    this.histogram.enable();
    let last = started;
    let utilisation = performance.eventLoopUtilization();
    this.timer = setInterval(() => {
      const now = performance.now();
      const delay = Math.max(0, now - last - RESOLUTION_MS);
      const busyMs = performance.eventLoopUtilization(utilisation).active;
      utilisation = performance.eventLoopUtilization();
      this.busy.push(busyMs);
      const phase = this.heldMost(last, now);
      (this.samples[phase] ??= []).push(delay);
      if (delay > this.worst.ms) this.worst = { ms: round(delay), phase, at: round(last - started, 0), busyMs: round(busyMs) };
      this.changes = this.changes.filter((change, i) => i === this.changes.length - 1 || this.changes[i + 1]!.at > now);
      last = now;
    }, RESOLUTION_MS);
  }

  split(phase: string): void {
    this.changes.push({ phase, at: performance.now() });
  }

  stop(): DelayFigures & { phases: Record<string, DelayFigures>; worst: LoopDelay['worst']; blocking: BlockingFigures } {
    clearInterval(this.timer);
    this.histogram.disable();
    const phases = Object.fromEntries(Object.entries(this.samples).map(([phase, values]) => [phase, percentiles(values)]));
    // The histogram records the time between ticks due every RESOLUTION_MS, in nanoseconds; the delay is the excess.
    const delay = (ns: number) => round(Math.max(0, ns / 1e6 - RESOLUTION_MS));
    return {
      p99: delay(this.histogram.percentile(99)),
      max: delay(this.histogram.max),
      phases,
      worst: this.worst,
      blocking: percentiles(this.busy),
    };
  }

  private heldMost(from: number, to: number): string {
    let best = { phase: this.changes[0]!.phase, share: -1 };
    this.changes.forEach((change, i) => {
      const share = Math.min(to, this.changes[i + 1]?.at ?? to) - Math.max(from, change.at);
      if (share > best.share) best = { phase: change.phase, share };
    });
    return best.phase;
  }
}

function percentiles(values: number[]): DelayFigures {
  const sorted = [...values].sort((a, b) => a - b);
  return { p99: round(sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)] ?? 0), max: round(sorted.at(-1) ?? 0) };
}
