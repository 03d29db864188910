import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { countsCategory, gatherCandidates, namesCategory, POOL_SIZE, type Candidate } from '../../src/answer/candidates.ts';
import { sentenceFacts } from '../../src/answer/facts.ts';
import { analyzeQuestion } from '../../src/answer/question.ts';
import type { SentenceStore, StoredSentence } from '../../src/answer/sources.ts';
import { retrieve } from '../../src/retrieve/hybrid.ts';
import { PORT_ARTICLES, portEmbeddings, S } from '../fixtures/port-articles.ts';
import { buildSmallIndex, WordAxisEmbeddings, withSmallIndex, type SmallIndex } from '../fixtures/small-index.ts';

async function candidatesFor(small: SmallIndex, question: string): Promise<Map<number, Candidate>> {
  const analysis = analyzeQuestion(question);
  const vector = await small.embeddings.embedQuery(analysis.focus);
  const retrieved = await retrieve(small.index, { text: analysis.focus, vector }, { k: 30 });
  return new Map(gatherCandidates(small.corpus.store, analysis, vector, retrieved).map((c) => [c.sentence.id, c]));
}
const near = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-6, `${actual} is not ${expected}`);

describe('gatherCandidates (sentence scoring)', () => {
  let small: SmallIndex;
  before(async () => {
    small = await buildSmallIndex(PORT_ARTICLES, portEmbeddings(), 2000);
  });
  after(() => small.cleanup());

  it('GIVEN the fixture THEN its sentences have the ids the tests name', () => {
    assert.equal(small.index.sentence(S.opened)!.text, 'It opened the terminal to ships in June 2021.');
    assert.equal(small.index.sentence(S.townCost)!.text, 'The terminal cost the port authority 40 million euros.');
  });

  it('GIVEN a small corpus WHEN a question is scored THEN every sentence is a candidate', async () => {
    const candidates = await candidatesFor(small, 'How much did the terminal cost?');
    assert.deepEqual([...candidates.keys()].sort(), Object.values(S).sort());
  });

  it('GIVEN "How much did the terminal cost?" THEN the sentences stating the sum have every question word, the best cosine and fit the amount type', async () => {
    const candidates = await candidatesFor(small, 'How much did the terminal cost?');
    const [cost, townCost] = [candidates.get(S.cost)!, candidates.get(S.townCost)!];
    for (const { features } of [cost, townCost]) {
      assert.equal(features.coverage, 1);
      assert.equal(features.coverageWindow, 1);
      assert.equal(features.coverageGap, 0);
      assert.equal(features.typeFit, 1);
      assert.equal(features.nameFit, 0);
      assert.equal(features.fragment, 0);
      // (terminal, cost)/√2 against (terminal, cost, authority)/√3.
      near(features.dense, 2 / Math.sqrt(6));
      near(features.denseGap, 0);
    }
    assert.equal(cost.lead, undefined);
    near(cost.features.logLength, Math.log('The terminal cost 40 million euros, the authority said.'.length + 1));
  });

  it('GIVEN an amount question THEN a sentence without a number does not fit the type (-1), and gaps are measured from the best', async () => {
    const candidates = await candidatesFor(small, 'How much did the terminal cost?');
    const approved = candidates.get(S.approved)!;
    assert.equal(approved.features.typeFit, -1);
    // (terminal, authority)/√2 against (terminal, cost)/√2.
    near(approved.features.dense, 1 / 2);
    near(approved.features.denseGap, 1 / 2 - 2 / Math.sqrt(6));
    assert.ok(approved.features.coverage > 0 && approved.features.coverage < 1);
    assert.equal(candidates.get(S.noise)!.features.coverage, 0);
    assert.equal(candidates.get(S.noise)!.features.coverageGap, -1);
  });

  it('GIVEN a sentence opening with a pronoun THEN the sentence before it in the paragraph is its lead, and the windowed features measure both', async () => {
    const opened = (await candidatesFor(small, 'When did the authority open the terminal?')).get(S.opened)!;
    assert.equal(opened.lead?.id, S.approved);
    assert.ok(opened.features.coverage < 1);
    assert.equal(opened.features.coverageWindow, 1);
    // The window is (opened, terminal)/√2 + (terminal, authority)/√2; the question is (authority, open, terminal)/√3.
    const window = [0, 0, 0, 0, 0, 0, 0, 0].map(
      (_, i) => [1, 1, 0, 0, 0, 0, 0, 0][i]! / Math.SQRT2 + [1, 0, 0, 0, 0, 0, 1, 0][i]! / Math.SQRT2,
    );
    const norm = Math.hypot(...window);
    near(opened.features.denseWindow, (window[0]! + window[2]! + window[6]!) / norm / Math.sqrt(3));
    assert.equal(opened.features.typeFit, 1);
  });

  it('GIVEN a date question THEN sentences stating a date fit (+1) and those without one do not (-1)', async () => {
    const candidates = await candidatesFor(small, 'When did the authority open the terminal?');
    assert.equal(candidates.get(S.approved)!.features.typeFit, 1);
    assert.equal(candidates.get(S.cost)!.features.typeFit, -1);
    assert.equal(candidates.get(S.noise)!.features.typeFit, -1);
    assert.ok([...candidates.values()].every((c) => c.features.nameFit === 0));
  });

  it('GIVEN "Who is the mayor of Almora?" THEN the name is covered where it appears, and a sentence naming someone else fits the person type', async () => {
    const candidates = await candidatesFor(small, 'Who is the mayor of Almora?');
    const mayor = candidates.get(S.mayor)!;
    assert.equal(mayor.features.nameCoverage, 1);
    assert.equal(mayor.features.coverageWindow, 1);
    assert.equal(mayor.features.nameFit, 1);
    assert.equal(mayor.features.typeFit, 0);
    // Written without a full stop, like a caption or a headline.
    assert.equal(mayor.features.fragment, 1);
    assert.equal(candidates.get(S.cost)!.features.nameCoverage, 0);
    assert.equal(candidates.get(S.cost)!.features.nameFit, -1);
  });

  it('GIVEN a sentence followed by one covering the question THEN its next-sentence coverage says so; the last sentence of an article has none', async () => {
    const candidates = await candidatesFor(small, 'Who is the mayor of Almora?');
    assert.equal(candidates.get(S.noise)!.features.nextCoverage, 1);
    assert.equal(candidates.get(S.townCost)!.features.nextCoverage, 0);
  });

  it('GIVEN sentences of the best retrieved chunk THEN their retrieval feature is 1, lower for lower chunks', async () => {
    const candidates = await candidatesFor(small, 'How much did the terminal cost?');
    const retrieval = [...candidates.values()].map((c) => c.features.retrieval);
    assert.equal(Math.max(...retrieval), 1);
    assert.ok(retrieval.every((value) => value > 0 && value <= 1));
  });
});

describe('gatherCandidates on a longer article', () => {
  it(`GIVEN more sentences than the pool WHEN scored THEN the ${POOL_SIZE} best by cosine plus coverage are kept, the answer among them`, async () => {
    const filler = Array.from({ length: POOL_SIZE + 20 }, (_, i) => `Meeting ${i + 1} of the committee was held.`).join(' ');
    await withSmallIndex(
      { 'long.txt': `${filler}\n\nThe ferry fare rose to nine euros.\n` },
      new WordAxisEmbeddings(['ferry', 'fare']),
      async (small) => {
        const analysis = analyzeQuestion('How much is the ferry fare?');
        const vector = await small.embeddings.embedQuery(analysis.focus);
        const candidates = gatherCandidates(
          small.corpus.store,
          analysis,
          vector,
          await retrieve(small.index, { text: analysis.focus, vector }, { k: 30 }),
        );
        assert.equal(candidates.length, POOL_SIZE);
        assert.ok(candidates.some((c) => c.sentence.text === 'The ferry fare rose to nine euros.'));
      },
      8000,
    );
  });
});

describe('namesCategory (does the sentence name the X a "which X" question asks for)', () => {
  const named = (question: string, sentence: string) => {
    const analysis = analyzeQuestion(question);
    return namesCategory(analysis.asked!, analysis.names, [sentenceFacts(sentence)]);
  };
  it('GIVEN the X with a name in its noun phrase or in apposition THEN +1', () => {
    assert.equal(named('Which prison held him?', 'He was held at the Marion federal prison.'), 1);
    assert.equal(named('Which broker introduced him?', 'A broker, Ana Ruiz, introduced him to the buyers.'), 1);
    assert.equal(named('Which judge sentenced him?', 'Judge Evelyn Strausser sentenced him to 14 years.'), 1);
  });
  it('GIVEN the X mentioned without a name, or named only by words of the question THEN -1', () => {
    assert.equal(named('Which broker introduced him?', 'A broker in Limassol introduced him to the buyers.'), -1);
    assert.equal(named('Which Piraeus ship manager hired him?', 'He worked for a Piraeus ship manager.'), -1);
  });
  it('GIVEN a sentence that does not mention the X THEN 0', () => {
    assert.equal(named('Which broker introduced him?', 'The buyers were undercover agents.'), 0);
  });
  it('GIVEN the X as a word of a name ("the Court of Appeals") THEN +1; written in lower case, a mention (-1)', () => {
    assert.equal(named('Which court denied him a retrial?', 'On Monday the Court of Appeals denied him a retrial.'), 1);
    assert.equal(named('Which court denied him a retrial?', 'On Monday an appeals court denied him a retrial.'), -1);
  });
});

describe('namedCategory (a feature of questions that want a name)', () => {
  it('GIVEN "how many X" THEN +1 for a sentence counting X (a number, not a name, answers it); "which X" with X unnamed THEN -1', async () => {
    await withSmallIndex(
      { 'fleet.txt': 'By 2008 the company managed 14 tankers from an office on the waterfront.\n' },
      new WordAxisEmbeddings(['tankers', 'company', 'office']),
      async (small) => {
        const count = await candidatesFor(small, 'How many tankers did the company manage?');
        assert.equal([...count.values()][0]!.features.namedCategory, 1);
        const which = await candidatesFor(small, 'Which office did the company manage its tankers from?');
        assert.equal([...which.values()][0]!.features.namedCategory, -1);
      },
    );
  });
});

describe('countsCategory (does the sentence count the X a "how many X" question asks about)', () => {
  const counts = (question: string, sentence: string) => countsCategory(analyzeQuestion(question).asked!, [sentenceFacts(sentence)]);

  it('GIVEN a number in the noun phrase of X, in figures, words or a hyphenated compound THEN +1', () => {
    assert.equal(counts('How many trucks were seized?', 'Police seized 12 trucks at the border.'), 1);
    assert.equal(counts('How many trucks were seized?', 'Police seized four red trucks.'), 1);
    assert.equal(counts('How many counts were in the indictment?', 'A seven-count indictment was filed.'), 1);
  });

  it('GIVEN X without a number ("several trucks", "the trucks") THEN -1; a sentence without X THEN 0', () => {
    assert.equal(counts('How many trucks were seized?', 'Police seized several trucks at the border.'), -1);
    assert.equal(counts('How many trucks were seized?', 'The trucks were seized on Monday.'), -1);
    assert.equal(counts('How many trucks were seized?', 'Police made 12 arrests.'), 0);
  });
});

describe('sourceCoverage (a question that names the article it asks about)', () => {
  it('GIVEN two articles stating the same kind of fact WHEN the question names one by its headline THEN that article’s sentence covers more of the question', async () => {
    await withSmallIndex(
      {
        'harbour.txt': 'Dredging begins at the north quay\n\nBy Ana Ruiz\n\nWork crews began dredging on Monday.\n',
        'valley.txt': 'Farmers count their flood losses\n\nWork crews began clearing roads on Monday.\n',
      },
      new WordAxisEmbeddings(['crews', 'began', 'monday']),
      async (small) => {
        const candidates = [...(await candidatesFor(small, 'What did the north quay story say crews began on Monday?')).values()];
        const [harbour, valley] = ['Work crews began dredging on Monday.', 'Work crews began clearing roads on Monday.'].map(
          (text) => candidates.find((c) => c.sentence.text === text)!.features,
        );
        // The sentences share the question's words alike; only the harbour article's headline has "north quay".
        assert.equal(harbour!.coverage, valley!.coverage);
        assert.ok(harbour!.sourceCoverage > valley!.sourceCoverage, `${harbour!.sourceCoverage} ≤ ${valley!.sourceCoverage}`);
        assert.ok(valley!.sourceCoverage < 1);
      },
    );
  });
});

describe('articleLine (a question about the article itself)', () => {
  it('GIVEN "who wrote" an article THEN its headline and byline lines are article lines and its body sentences are not; other questions mark none', async () => {
    await withSmallIndex(
      { 'harbour.txt': 'Dredging begins at the north quay\n\nBy Ana Ruiz\n\nWork crews began dredging on Monday.\n' },
      new WordAxisEmbeddings(['crews', 'began', 'monday']),
      async (small) => {
        const lineOf = async (question: string) =>
          new Map([...(await candidatesFor(small, question)).values()].map((c) => [c.sentence.text, c.features.articleLine]));
        const byWriter = await lineOf('Who wrote the story about the north quay?');
        assert.equal(byWriter.get('By Ana Ruiz'), 1);
        assert.equal(byWriter.get('Dredging begins at the north quay'), 1);
        assert.equal(byWriter.get('Work crews began dredging on Monday.'), 0);
        assert.deepEqual([...(await lineOf('What began on Monday at the north quay?')).values()], [0, 0, 0]);
      },
    );
  });
});

describe('per-article measurements when an article is removed and added again under its name', () => {
  it('GIVEN a store whose article is replaced WHEN asked again THEN the new article’s lines and description are used, not the removed one’s', () => {
    let rows: StoredSentence[] = [];
    const titles: Record<string, string> = {};
    const put = (source: string, title: string, firstId: number, lines: string[]) => {
      titles[source] = title;
      rows = [
        ...rows.filter((r) => r.source !== source),
        ...lines.map((text, i) => ({ id: firstId + i, source, text, start: 0, end: text.length, paragraph: i })),
      ];
    };
    const store: SentenceStore = {
      dimensions: 2,
      get sentenceCount() {
        return rows.length;
      },
      sentence: (id) => rows.find((r) => r.id === id),
      sentenceIds: () => rows.map((r) => r.id),
      sentenceVector: () => new Float32Array([1, 0]),
      sentencesOfChunk: () => [],
      article: (source) => (titles[source] ? { source, meta: { title: titles[source] }, text: '' } : undefined),
      articles: () => [],
      hasWord: () => true,
      termWeight: () => 1,
    };
    const question = analyzeQuestion('Who wrote the story about the north quay?');
    const linesAndCoverage = () =>
      gatherCandidates(store, question, [1, 0], [])
        .filter((c) => c.features.articleLine === 1)
        .map((c) => [c.sentence.id, c.features.sourceCoverage]);
    put('harbour.txt', 'Dredging begins at the north quay', 0, [
      'Dredging begins at the north quay',
      'By Ana Ruiz',
      'Crews began work on Monday.',
    ]);
    assert.deepEqual(
      linesAndCoverage().map(([id]) => id),
      [0, 1],
    );
    // Removed, then added again with other ids and a headline that no longer names the quay.
    put('harbour.txt', 'Dredging ends early', 10, ['Dredging ends early', 'By Li Wei', 'Crews finished on Friday.']);
    const after = linesAndCoverage();
    assert.deepEqual(
      after.map(([id]) => id),
      [10, 11],
    );
    assert.ok(
      after.every(([, coverage]) => coverage! < 0.5),
      JSON.stringify(after),
    );
  });
});
