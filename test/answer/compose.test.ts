import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { abstentionText, composeExtractive, type DateLookup } from '../../src/answer/compose.ts';
import { analyzeQuestion } from '../../src/answer/question.ts';
import { PORT_ARTICLES, portEmbeddings, S } from '../fixtures/port-articles.ts';
import { buildSmallIndex, type SmallIndex } from '../fixtures/small-index.ts';

const noDates: DateLookup = () => undefined;

describe('composeExtractive', () => {
  let small: SmallIndex;
  const evidence = (id: number, lead?: number) => ({
    sentence: small.index.sentence(id)!,
    lead: lead === undefined ? undefined : small.index.sentence(lead)!,
  });
  before(async () => {
    small = await buildSmallIndex(PORT_ARTICLES, portEmbeddings(), 2000);
  });
  after(() => small.cleanup());

  it('GIVEN sentences of two articles THEN each is followed by its number, and the sources list quotes them verbatim', () => {
    const composed = composeExtractive(
      small.corpus.store,
      analyzeQuestion('How much did the terminal cost?'),
      [evidence(S.cost), evidence(S.mayor)],
      noDates,
    );
    assert.equal(
      composed.answer,
      'The terminal cost 40 million euros, the authority said. [1] The mayor of Almora, Elena Costa, said the terminal brought jobs [2]',
    );
    assert.deepEqual(
      composed.citations.map((c) => [c.n, c.source, c.quote]),
      [
        [1, 'port.txt', 'The terminal cost 40 million euros, the authority said.'],
        [2, 'town.txt', 'The mayor of Almora, Elena Costa, said the terminal brought jobs'],
      ],
    );
  });

  it('GIVEN a survey question THEN the answer lists what each article reports', () => {
    const composed = composeExtractive(
      small.corpus.store,
      analyzeQuestion('Do the articles agree on what the terminal cost?'),
      [evidence(S.cost), evidence(S.townCost)],
      noDates,
    );
    assert.equal(
      composed.answer,
      'What each article reports:\n• The terminal cost 40 million euros, the authority said. [1]\n• The terminal cost the port authority 40 million euros. [2]',
    );
  });

  /** The answer to "when did the authority open the terminal?" when the timeline resolved its passage to `date`. */
  const openingAnswer = (date: string, precision: 'day' | 'month') =>
    composeExtractive(
      small.corpus.store,
      analyzeQuestion('When did the authority open the terminal?'),
      [evidence(S.opened, S.approved)],
      () => ({ date, precision }),
    ).answer;
  const passage = 'In March 2019 the authority approved a new container terminal. It opened the terminal to ships in June 2021. [1]';

  it('GIVEN a date question and a resolved day THEN the answer opens with the date written out', () => {
    assert.equal(openingAnswer('2021-06-02', 'day'), `June 2, 2021. ${passage}`);
  });

  it('GIVEN a resolved date the passage already writes out THEN no lead repeats it', () => {
    assert.equal(openingAnswer('2021-06', 'month'), passage);
  });

  it("GIVEN a reason THEN the abstention says the articles don't say, and why", () => {
    assert.equal(
      abstentionText('no passage states the date asked for'),
      "The articles don't say — no passage states the date asked for. The closest articles are listed below if you want to check them yourself.",
    );
  });
});
