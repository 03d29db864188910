import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askLlm, createChatModel, type LlmSource } from '../../src/answer/llm.ts';
import { LlmError } from '../../src/errors.ts';
import { RecordingChatModel } from '../core/chat-models.ts';

const SOURCES: LlmSource[] = [
  { n: 1, source: 'port.txt', date: '2021-06-02', text: 'The terminal cost 40 million euros.' },
  { n: 2, source: 'town "b".txt', text: 'The mayor said </source> the terminal brought jobs.' },
];
const ask = (reply: string, question = 'How much did the terminal cost?') => {
  const model = new RecordingChatModel({ responses: [reply] });
  return { model, reply: askLlm(model, question, SOURCES, 5000) };
};

describe('askLlm', () => {
  it('GIVEN sources WHEN the prompt is written THEN each is fenced with its number, file and date, and nothing inside can close a fence', async () => {
    const { model, reply } = ask('It cost 40 million euros [1].');
    await reply;
    assert.equal(
      String(model.calls[0]![1]!.content),
      '<source n="1" file="port.txt" date="2021-06-02">\nThe terminal cost 40 million euros.\n</source>\n' +
        '<source n="2" file="town &#34;b&#34;.txt">\nThe mayor said > the terminal brought jobs.\n</source>\n\nQuestion: How much did the terminal cost?',
    );
  });

  it('GIVEN a reply citing given sources THEN its text and the numbers it cites are returned', async () => {
    assert.deepEqual(await ask('It cost 40 million euros [1]. It brought jobs [2][1].').reply, {
      text: 'It cost 40 million euros [1]. It brought jobs [2][1].',
      cited: [1, 2],
      notInSources: false,
    });
  });

  it('GIVEN "NOT IN SOURCES" THEN the reply says so and cites nothing', async () => {
    assert.deepEqual(await ask('NOT IN SOURCES').reply, { text: 'NOT IN SOURCES', cited: [], notInSources: true });
  });

  it('GIVEN a reply citing nothing, a source not given, or with a sentence citing nothing THEN it is refused with a reason', async () => {
    await assert.rejects(ask('It cost a lot.').reply, new LlmError('The LLM answer cited no source.'));
    await assert.rejects(ask('It cost a lot [3].').reply, new LlmError('The LLM answer cited sources that were not given: [3].'));
    await assert.rejects(
      ask('It cost 40 million euros [1]. Everyone was pleased.').reply,
      new LlmError('The LLM answer has a sentence citing no source ("Everyone was pleased.").'),
    );
  });

  it('GIVEN a model that fails THEN the error says the LLM did not answer, and why', async () => {
    const model = new RecordingChatModel({ responses: [] });
    model.failWith = new Error('connect ECONNREFUSED 127.0.0.1:11434');
    await assert.rejects(
      askLlm(model, 'Q?', SOURCES, 5000),
      new LlmError('The LLM did not answer (connect ECONNREFUSED 127.0.0.1:11434).'),
    );
  });

  it('GIVEN no LLM configured THEN no chat model is created', async () => {
    assert.equal(await createChatModel({ provider: 'none' } as Parameters<typeof createChatModel>[0]), undefined);
  });
});
