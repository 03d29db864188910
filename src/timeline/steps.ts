// Long computations written as generators that yield between their steps, run either at once or in slices that
// give the event loop turns (a process readying a change while it answers questions, `prepareTimelineChange`).

/** A computation that yields between its steps and returns `T`. */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** How long a slice runs before it gives the event loop a turn: a question waits at most about this (and one step). */
export const SLICE_MS = 8;

/**
 * Runs `steps` to the end, awaiting `pause` (a turn of the event loop) whenever `sliceMs` have passed since the
 * last; it gives what `runSteps` gives, the same steps run in the same order.
 */
export async function runStepsPaced<T>(steps: Steps<T>, pause: () => Promise<void>, sliceMs = SLICE_MS): Promise<T> {
  let started = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - started >= sliceMs) {
      await pause();
      started = performance.now();
    }
  }
}
