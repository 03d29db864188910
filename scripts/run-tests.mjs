// `npm test`: the type check, the linter and every test/**/*.test.ts file with node's test runner (Node 20 has no glob
// for --test), two files at a time, beside the one index build the slow end-to-end suites share
// (test/fixtures/shared-index.ts). `node scripts/run-tests.mjs part…` runs only the files whose path contains a part,
// without the type check and the linter.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';

function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : findTests(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Runs a command to its end, output passed through; resolves with its exit code. */
function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * onnxruntime-node, loaded on the main thread and in worker threads of one process (as the bot does), aborts in
 * its exit-time clean-up at times (free(): invalid pointer: SIGABRT, or SIGSEGV) after every test of the file has
 * passed: about one run in three of the file that loads it most. A file that died that way, and only that way, is
 * run again, up to this many times, and must pass then; it is named either way. Each attempt is judged by the same
 * rule, so a failed test is never retried.
 */
const NATIVE_ABORT_RERUNS = 3;

const filter = process.argv.slice(2);
const slowFirst = (file) => (file.endsWith('.slow.test.ts') ? 0 : 1);
// Slow suites start first: the longest files, started last, would leave one worker alone at the end.
const files = findTests('test')
  .filter((file) => filter.length === 0 || filter.some((part) => file.includes(part)))
  .sort((a, b) => slowFirst(a) - slowFirst(b) || a.localeCompare(b));

const shared = mkdtempSync(join(tmpdir(), 'dossier-shared-index-'));
const reports = mkdtempSync(join(tmpdir(), 'dossier-test-reports-'));
const env = { ...process.env, DOSSIER_TEST_SHARED_INDEX: shared };
const needsIndex = files.some((file) => file.endsWith('.slow.test.ts'));
/** A build that died before saying how it ended is marked failed, so the suites waiting for it stop waiting. */
function markFailed(code) {
  if (code !== 0 && !existsSync(join(shared, 'ready.json')) && !existsSync(join(shared, 'failed.txt'))) {
    writeFileSync(join(shared, 'failed.txt'), `the build process exited with code ${code}`);
  }
  return code;
}
const jobs = [
  // Type check, lint and the format check are incremental: a run re-checks only what changed since the last (caches in node_modules/.cache).
  ...(filter.length === 0
    ? [
        run(process.execPath, [
          'node_modules/typescript/bin/tsc',
          '--noEmit',
          '--incremental',
          '--tsBuildInfoFile',
          'node_modules/.cache/tsc/tsbuildinfo',
        ]),
        run(process.execPath, ['node_modules/eslint/bin/eslint.js', '--cache', '--cache-location', 'node_modules/.cache/eslint/', '.']),
        run(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '--cache', '--log-level', 'warn', '.']),
      ]
    : []),
  // A failed build is written where the suites wait for it, so they fail saying why.
  needsIndex
    ? run(process.execPath, ['--import', 'tsx', 'test/fixtures/shared-index.ts', shared]).then((code) => markFailed(code))
    : Promise.resolve(0),
  // Files are separate processes: two at a time keep both cores busy while one waits on a child process or a timer.
  runFiles(files).then((code) => (code === 0 ? 0 : rerunNativeAborts(code))),
];
const codes = await Promise.all(jobs);
rmSync(shared, { recursive: true, force: true });
rmSync(reports, { recursive: true, force: true });
process.exitCode = codes.find((code) => code !== 0) ?? 0;

/** Runs test files with node's runner: the usual report on stdout, and a TAP copy read by `rerunNativeAborts`. */
function runFiles(paths, attempt = 'first') {
  const stdoutReporter = process.stdout.isTTY ? 'spec' : 'tap';
  return run(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${availableParallelism() + 1}`,
      `--test-reporter=${stdoutReporter}`,
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${join(reports, `${attempt}.tap`)}`,
      ...paths,
    ],
    env,
  );
}

/** See `NATIVE_ABORT_RERUNS`. */
async function rerunNativeAborts(code, report = 'first', attempt = 1) {
  const tap = readFileSync(join(reports, `${report}.tap`), 'utf8');
  const failedFiles = [...tap.matchAll(/^not ok \d+ - (\S+\.test\.ts)\n((?:[ \t].*\n)*)/gm)];
  const failedTests = [...tap.matchAll(/^\s*not ok \d+ - (?!\S+\.test\.ts$)/gm)].length;
  const aborted = failedFiles.filter(([, , details]) => /signal: 'SIG(ABRT|SEGV)'/.test(details)).map(([, file]) => file);
  if (aborted.length === 0 || aborted.length !== failedFiles.length || failedTests > 0 || attempt > NATIVE_ABORT_RERUNS) return code;
  console.log(
    `\n# ${aborted.join(', ')} died of a native signal with no failed test; running ${aborted.length === 1 ? 'it' : 'them'} again (rerun ${attempt} of at most ${NATIVE_ABORT_RERUNS})`,
  );
  const again = await runFiles(
    aborted.map((file) => relative(process.cwd(), file)),
    `rerun-${attempt}`,
  );
  console.log(`# rerun ${attempt} of ${aborted.join(', ')}: ${again === 0 ? 'passed' : 'failed'}`);
  return again === 0 ? 0 : rerunNativeAborts(again, `rerun-${attempt}`, attempt + 1);
}
