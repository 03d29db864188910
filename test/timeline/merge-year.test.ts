import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterFacts } from '../../src/timeline/cluster-facts.ts';
import { clusterYear, type Member, type MonthClusters } from '../../src/timeline/merge-year.ts';
import { Similarity } from '../../src/timeline/similarity.ts';
import { mergeReport as report } from './merge-report.ts';

// Most precise first, then by date: the order merging gives a year's reports.
const reports = [
  report('a.txt', '2012-04-05', 'Viktor Bout was sentenced to 25 years in prison in New York'),
  report('c.txt', '2012-06-11', 'The defence lawyers filed an appeal against the conviction'),
  report('e.txt', '2012-06-11', 'The defence lawyers filed an appeal against the conviction in Manhattan'),
  report('b.txt', '2012-04', 'Viktor Bout was sentenced to 25 years in prison by a New York court'),
  report('f.txt', '2012-06', 'Prosecutors asked the court to reject the appeal'),
  report('d.txt', '2012', 'Bout was sentenced to 25 years in prison in New York'),
];
const similarity = new Similarity(reports);
const sources = (clusters: Member[][]) => clusters.map((cluster) => cluster.map((member) => member.sources[0]!.source));

test('GIVEN a year of day, month and year reports WHEN clustered THEN each month clusters on its own, day-started clusters come first, and the year report joins its month’s cluster', () => {
  const formed: Record<string, MonthClusters> = {};
  const clusters = clusterYear(reports, new ClusterFacts(similarity), (members) => members.map((member) => member.id).join(), {}, formed);
  assert.deepEqual(sources(clusters), [['a.txt', 'b.txt', 'd.txt'], ['c.txt', 'e.txt'], ['f.txt']]);
  // Each month's clusters before the year report joined, by index into the month's reports.
  assert.deepEqual(formed['2012-04']!.clusters, [[0, 1]]);
  assert.deepEqual(formed['2012-06']!.clusters, [[0, 1], [2]]);
});

test('GIVEN the months of an earlier pass WHEN a month’s key is the same THEN its clusters are the ones recalled (even ones no pass would form) and the others are clustered again', () => {
  const keyOf = (members: Member[]) => members.map((member) => member.id).join();
  const april = reports.filter((member) => member.date.startsWith('2012-04'));
  // A recalled month is taken as it was formed: April kept apart, which only the memo can say.
  const months = { '2012-04': { key: keyOf(april), clusters: [[0], [1]] }, '2012-06': { key: 'other reports', clusters: [[0, 1, 2]] } };
  const formed: Record<string, MonthClusters> = {};
  const clusters = clusterYear(reports, new ClusterFacts(similarity), keyOf, months, formed);
  assert.equal(formed['2012-04'], months['2012-04']);
  assert.deepEqual(formed['2012-06']!.clusters, [[0, 1], [2]]);
  assert.deepEqual(sources(clusters), [['a.txt', 'd.txt'], ['c.txt', 'e.txt'], ['b.txt'], ['f.txt']]);
});
