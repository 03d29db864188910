// A Node process that only measures its own event-loop delay, run beside the scale build until it is told to
// stop (SIGTERM): on a machine whose two cores other processes share, the kernel alone keeps a thread waiting for
// a core for hundreds of milliseconds. Its figures are the floor the build's main-thread stall is read against.
import { report } from '../lib/child.ts';
import { LoopDelay } from '../lib/stats.ts';

const delay = new LoopDelay();
delay.start('idle');
process.on('SIGTERM', () => {
  const { p99, max, blocking } = delay.stop();
  report({ p99, max, blocking });
  process.exit(0);
});
setInterval(() => {}, 2 ** 30);
