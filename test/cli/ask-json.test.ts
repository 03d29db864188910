import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Workspace } from '../core/fakes.ts';
import { cli, cliWorkspace } from './cli-harness.ts';

describe('dossier ask --json', () => {
  let ws: Workspace;
  before(async () => {
    ws = cliWorkspace();
    assert.equal((await cli(ws, ['index'])).code, 0);
  });
  after(() => ws.cleanup());

  it('GIVEN stdin with a blank and a refused line among questions WHEN asked in a batch THEN output line n answers input line n, errors as objects, exit 1', async () => {
    const tooLong = `Why ${'very '.repeat(1000)}long?`;
    const run = await cli(ws, ['ask', '--json'], {
      stdin: ['Where was Viktor Bout arrested?', '', tooLong, 'What did Bout tell TASS?'].join('\n') + '\n',
    });
    assert.equal(run.code, 1);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.equal(lines.length, 4);
    assert.equal(lines[0].question, 'Where was Viktor Bout arrested?');
    assert.equal(typeof lines[0].answer, 'string');
    assert.deepEqual(lines[1], {
      question: '',
      error: 'Your question is empty. Ask something about the case, e.g. "When did the trial begin?"',
      code: 'EMPTY_QUESTION',
      line: 2,
    });
    assert.deepEqual(lines[2], {
      question: tooLong.slice(0, 200),
      error: `Your question is ${tooLong.length} characters long; the limit is 1000. Ask one short question at a time.`,
      code: 'QUESTION_TOO_LONG',
      line: 3,
    });
    assert.equal(lines[3].question, 'What did Bout tell TASS?');
    assert.equal(run.stderr, '');
  });

  it('GIVEN stdin whose every line is a question WHEN asked in a batch THEN one answer per line, exit 0', async () => {
    const run = await cli(ws, ['ask', '--json'], { stdin: 'Where was Viktor Bout arrested?\r\nWhere was Viktor Bout born?' });
    assert.equal(run.code, 0);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(
      lines.map((l) => l.question),
      ['Where was Viktor Bout arrested?', 'Where was Viktor Bout born?'],
    );
  });

  it('GIVEN a question WHEN asked with --json THEN retrieved[] carries the fused retrieval scores, best first', async () => {
    const run = await cli(ws, ['ask', '--json', 'Where was Viktor Bout arrested?']);
    assert.equal(run.code, 0);
    const answer = JSON.parse(run.stdout);
    const scores: number[] = answer.retrieved.map((hit: { score: number }) => hit.score);
    assert.ok(scores.length > 0);
    assert.ok(
      scores.every((score) => score > 0),
      scores.join(', '),
    );
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
    );
  });

  it('GIVEN a refused question WHEN asked with --json THEN stdout has its error object and the exit code is 2', async () => {
    const run = await cli(ws, ['ask', '--json', '\u200b']);
    assert.equal(run.code, 2);
    assert.deepEqual(JSON.parse(run.stdout), {
      question: '\u200b',
      error: 'Your question is empty. Ask something about the case, e.g. "When did the trial begin?"',
      code: 'EMPTY_QUESTION',
    });
  });
});
