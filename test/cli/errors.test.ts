// Every command-line mistake: what the CLI says (naming the option, command or value) and its exit code (2).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Workspace } from '../core/fakes.ts';
import { cli, cliWorkspace } from './cli-harness.ts';

describe('dossier command-line errors', () => {
  let ws: Workspace;
  before(async () => {
    ws = cliWorkspace();
    // Built once here, so that the cases below print only their own messages.
    assert.equal((await cli(ws, ['index'])).code, 0);
  });
  after(() => ws.cleanup());

  it('GIVEN an unknown option WHEN run THEN it is named with the likely one meant, exit 2', async () => {
    const run = await cli(ws, ['ask', '--jsno', 'Where?']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'error: unknown option \'--jsno\'\n(Did you mean --json?)\n(run "dossier ask --help" for usage)\n');
    assert.equal(run.stdout, '');
  });

  it('GIVEN an unknown command WHEN run THEN it is named with the likely one meant, exit 2', async () => {
    const run = await cli(ws, ['serch', 'arrest']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'error: unknown command \'serch\'\n(Did you mean search?)\n(run "dossier --help" for usage)\n');
  });

  it('GIVEN an option missing its value at the end WHEN run THEN the option is named, exit 2', async () => {
    const run = await cli(ws, ['timeline', '--from']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'error: option \'--from <value>\' argument missing\n(run "dossier timeline --help" for usage)\n');
  });

  it('GIVEN an option followed by another option instead of its value WHEN run THEN the option missing its value is named, exit 2', async () => {
    const run = await cli(ws, ['timeline', '--from', '--to', '2010']);
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      'error: option \'--from <value>\' argument missing (the next word, --to, is an option)\n(run "dossier timeline --help" for usage)\n',
    );
  });

  it('GIVEN ask without a question WHEN run THEN it says how to give one, exit 2', async () => {
    const run = await cli(ws, ['ask']);
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      'error: Give a question: dossier ask "your question" (or pipe questions, one per line, into dossier ask --json).\n',
    );
  });

  it('GIVEN search without a query WHEN run THEN the missing argument is named, exit 2', async () => {
    const run = await cli(ws, ['search']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'error: missing required argument \'query\'\n(run "dossier search --help" for usage)\n');
  });

  it('GIVEN an argument to a command that takes none WHEN run THEN it is refused, exit 2', async () => {
    const run = await cli(ws, ['sources', 'extra']);
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      'error: too many arguments for \'sources\'. Expected 0 arguments but got 1.\n(run "dossier sources --help" for usage)\n',
    );
  });

  it('GIVEN timeline --source naming no corpus file WHEN run THEN the source is named with the closest files, exit 2', async () => {
    const unknown = await cli(ws, ['timeline', '--source', 'nosuchfile.txt']);
    assert.equal(unknown.code, 2);
    assert.equal(
      unknown.stderr,
      'error: Unknown source "nosuchfile.txt" (--source): no article in the corpus has that file name. `dossier sources` lists them.\n',
    );
    assert.equal(unknown.stdout, '');
    const typo = await cli(ws, ['timeline', '--source', '004_91ab4689b524ca4.txt']);
    assert.equal(typo.code, 2);
    assert.equal(
      typo.stderr,
      'error: Unknown source "004_91ab4689b524ca4.txt" (--source): no article in the corpus has that file name. Did you mean 004_91ab4689b524ca48.txt? `dossier sources` lists them.\n',
    );
  });

  it('GIVEN a question the core refuses WHEN asked THEN its reason is printed, exit 2', async () => {
    const run = await cli(ws, ['ask', '\u200b\u200b']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'error: Your question is empty. Ask something about the case, e.g. "When did the trial begin?"\n');
  });

  it('GIVEN a bad setting WHEN a command runs THEN the configuration error names it, exit 1', async () => {
    const run = await cli(ws, ['sources'], { env: { EMBEDDINGS: 'bogus' } });
    assert.equal(run.code, 1);
    assert.equal(
      run.stderr,
      'error: Invalid configuration — fix these in .env or the environment:\n  EMBEDDINGS: expected auto, transformers or use-lite (got "bogus")\n',
    );
  });

  it('GIVEN no command WHEN run THEN the help goes to stderr, exit 2', async () => {
    const run = await cli(ws, []);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^Usage: dossier \[options\] \[command\]\n/);
    assert.equal(run.stdout, '');
  });
});

describe('dossier help', () => {
  let ws: Workspace;
  before(() => {
    ws = cliWorkspace();
  });
  after(() => ws.cleanup());

  it('GIVEN --help, help, help <command> or <command> --help WHEN run THEN the help is printed on stdout, exit 0', async () => {
    for (const argv of [['--help'], ['help'], ['-h']]) {
      const run = await cli(ws, argv);
      assert.equal(run.code, 0, argv.join(' '));
      assert.match(run.stdout, /^Usage: dossier \[options\] \[command\]\n/);
      assert.match(run.stdout, /\n {2}ask \[options\] \[question\.\.\.\] +answer a question/);
      assert.match(run.stdout, /Exit codes: 0 done, 1 failed \(configuration, corpus, index, model\), 2 the command line is wrong\./);
    }
    for (const argv of [
      ['help', 'timeline'],
      ['timeline', '--help'],
    ]) {
      const run = await cli(ws, argv);
      assert.equal(run.code, 0, argv.join(' '));
      assert.match(run.stdout, /^Usage: dossier timeline \[options\]\n/);
      assert.match(run.stdout, /--source <file> +Only events from this article/);
    }
  });
});
