// The answerer end to end on a small invented corpus (no text of either shipped corpus or any labelled set), with
// the hashed test encoder, which has no fitted calibration: the encoder-independent one stands in.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Dossier } from '../../src/core/dossier.ts';
import { createDossier } from '../../src/core/facade.ts';
import { fakeDeps, makeWorkspace, type Workspace } from '../core/fakes.ts';

const ARTICLES: Record<string, string> = {
  'mill.txt': `Halden Mills shuts its last paper plant

The Halden Gazette, 4 March 2019

Halden Mills closed its last paper plant in Sarpsborg on Friday, ending 140 years of papermaking in the town.

The company laid off 312 workers, the plant manager, Ingrid Solberg, told reporters at the gate.

Solberg said the plant had lost money for six consecutive years as demand for newsprint fell across Europe.
`,
  'bridge.txt': `Council approves new harbour bridge

Harbour Post, 12 June 2021

The city council voted 9 to 4 on Thursday to build a new bridge across the harbour.

The bridge will cost 48 million euros and is due to open in 2025, the council's chief engineer, Per Dahl, said.

Residents of the old quarter have protested against the plan for two years, fearing traffic on their narrow streets.
`,
};

let ws: Workspace;
let dossier: Dossier;

before(async () => {
  ws = makeWorkspace({ empty: true });
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(ws.corpusDir, name), text);
  dossier = await createDossier(fakeDeps(ws.config));
});

after(async () => {
  await dossier.close();
  ws.cleanup();
});

test('GIVEN an encoder without its own calibration WHEN the dossier opens THEN it says the encoder-independent one is in use', () => {
  assert.deepEqual(dossier.info().calibration, { encoder: 'encoder-independent', fallback: true });
});

test('GIVEN a question whose words the corpus states WHEN asked THEN the answer quotes that sentence verbatim and cites its file', async () => {
  const answer = await dossier.ask('How many workers did Halden Mills lay off?');
  assert.equal(answer.abstained, false, answer.answer);
  assert.match(answer.answer, /312 workers/);
  assert.equal(answer.citations[0]?.source, 'mill.txt');
  assert.ok(ARTICLES['mill.txt']!.includes(answer.citations[0]!.quote));
  assert.ok(typeof answer.confidence === 'number' && answer.confidence >= 0 && answer.confidence <= 1);
});

test('GIVEN a question about a name the corpus never mentions WHEN asked THEN it declines and names what is missing', async () => {
  const answer = await dossier.ask('When did Vandervoort Shipping buy the Sarpsborg plant?');
  assert.equal(answer.abstained, true, answer.answer);
  assert.match(answer.answer, /^The articles don't say — the articles never mention vandervoort/);
  assert.deepEqual(answer.citations, []);
  assert.ok((answer.nearest?.length ?? 0) > 0);
});
