// Starts an entry point of Dossier (src/<entry>.ts): the compiled JavaScript in dist/ when a build is at least as
// new as every source file (no TypeScript compiled at start-up), otherwise the sources through tsx's loader, so a
// fresh edit or a clone that was never built still runs.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function buildIsCurrent() {
  try {
    const built = statSync(join(root, 'dist/.built')).mtimeMs;
    return built >= Math.max(newestSource(join(root, 'src')), newestSource(join(root, 'commands')));
  } catch {
    return false;
  }
}

/** Imports the entry point, compiled or through tsx. */
export async function launch(entry) {
  if (buildIsCurrent()) return import(join(root, 'dist/src', `${entry}.js`));
  if (process.stderr.isTTY)
    process.stderr.write('(running the TypeScript sources: dist/ is missing or older than them; `npm run build` makes start-up faster)\n');
  const { register } = await import('tsx/esm/api');
  register();
  return import(join(root, 'src', `${entry}.ts`));
}
