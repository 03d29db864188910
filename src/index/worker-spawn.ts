import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread from a module beside this one (`name` without extension). Compiled to dist/ the
 * module is .js; from source, Node 20 does not run tsx's loader in worker threads, so the .ts module is entered
 * through a bootstrap that registers it.
 */
export function spawnWorker(name: string, workerData: unknown): Worker {
  const compiled = import.meta.url.endsWith('.js');
  const url = new URL(`./${name}.${compiled ? 'js' : 'ts'}`, import.meta.url);
  if (compiled) return new Worker(url, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
