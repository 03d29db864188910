import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClusterFacts, type ClusterReport } from '../../src/timeline/cluster-facts.ts';
import { Similarity } from '../../src/timeline/similarity.ts';

const report = (source: string, start: number, date: string, clause: string, people: string[] = []): ClusterReport => ({
  clause,
  date,
  precision: 'day',
  people,
  sources: [{ source, start }],
});
const ARREST = 'police arrested Viktor Bout in Bangkok';

test('GIVEN a cluster WHEN reports join it THEN its facts follow: the sentences it cites and whether it shares a first source with another', () => {
  const facts = new ClusterFacts(new Similarity([]));
  const cluster = [report('a.txt', 10, '2008-03-06', ARREST)];
  assert.equal(facts.of(cluster).citesOtherSentence(report('a.txt', 10, '2008-03-06', ARREST)), false);
  assert.equal(facts.of(cluster).citesOtherSentence(report('a.txt', 99, '2008-03-06', 'he was taken to court')), true);
  assert.equal(facts.of(cluster).citesSameSentence(report('a.txt', 10, '2008-03-06', ARREST)), true);
  // The same sentence read at another date is not the same report.
  assert.equal(facts.of(cluster).citesSameSentence(report('a.txt', 10, '2008-03', ARREST)), false);
  const other = [report('b.txt', 5, '2008-03-06', ARREST)];
  assert.equal(facts.of(cluster).sharesFirstSource(facts.of(other)), false);
  cluster.push(report('b.txt', 40, '2008-03-06', 'Bout was detained'));
  assert.equal(facts.of(cluster).sharesFirstSource(facts.of(other)), true);
  assert.equal(facts.of(cluster).citesOtherSentence(report('b.txt', 5, '2008-03-06', ARREST)), true);
});

test('GIVEN copies of one report (same words, people and date) WHEN listed as distinct THEN the first copy stands for them; another date or person does not', () => {
  const facts = new ClusterFacts(new Similarity([]));
  const cluster = [
    report('a.txt', 1, '2008-03-06', ARREST, ['Viktor Bout']),
    report('b.txt', 7, '2008-03-06', ARREST, ['Viktor Bout']),
    report('c.txt', 3, '2008-03-06', ARREST, ['Viktor Bout', 'Thai police']),
    report('d.txt', 2, '2008-03-07', ARREST, ['Viktor Bout']),
  ];
  assert.deepEqual(
    facts.of(cluster).distinct.map((member) => member.sources[0]!.source),
    ['a.txt', 'c.txt', 'd.txt'],
  );
});
