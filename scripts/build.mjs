// `npm run build`: compiles src/ and commands/ to dist/ (tsconfig.build.json), then stamps the build so that
// bin/launch.js knows dist/ is newer than the sources. `--if-possible` (the `prepare` step of npm install / npm ci)
// never fails the install: without TypeScript or with a type error it leaves no stamp, and the bin runs the
// sources through tsx instead.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const lenient = process.argv.includes('--if-possible');
const dist = join(root, 'dist');

let tsc;
try {
  tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  console.error(
    'build: TypeScript is not installed (npm install without dev dependencies?); `dossier` and `npm start` will run the sources through tsx.',
  );
  process.exit(lenient ? 0 : 1);
}
// A clean build: files of deleted sources must not linger in dist/.
rmSync(dist, { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status !== 0 || !existsSync(join(dist, 'src/cli/main.js'))) {
  console.error('build: tsc failed; `dossier` and `npm start` will run the sources through tsx until `npm run build` succeeds.');
  rmSync(join(dist, '.built'), { force: true });
  process.exit(lenient ? 0 : 1);
}
writeFileSync(join(dist, '.built'), `${new Date().toISOString()}\n`);
