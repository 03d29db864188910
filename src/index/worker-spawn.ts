import { Worker } from 'node:worker_threads';

/**
 * A module beside `from` (`name` without extension): the compiled .js in dist/, the .ts from source. Lets a
 * worker thread be told which module to import (functions cannot be posted to it).
 */
export function siblingModule(name: string, from: string): URL {
  return new URL(`./${name}.${from.endsWith('.js') ? 'js' : 'ts'}`, from);
}

/**
 * Starts a worker thread from a module beside `from` (this folder unless given; `name` without extension).
 * Compiled to dist/ the module is .js; from source, Node 20 does not run tsx's loader in worker threads, so the
 * .ts module is entered through a bootstrap that registers it.
 */
export function spawnWorker(name: string, workerData: unknown, from = import.meta.url): Worker {
  const url = siblingModule(name, from);
  if (from.endsWith('.js')) return new Worker(url, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
