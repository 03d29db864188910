import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareReports, renderComparison } from '../../scripts/compare-reports.ts';

const useLite = {
  file: 'eval/dev_qa.json',
  report: { hybrid: { answerAccuracy: 0.9375, medianAnswerChars: 168, failures: ['d15: abstained'], answers: [{ question: 'q' }] } },
  embedding: [
    { label: 'batch 1', perS: 10 },
    { label: 'batch 32', perS: 40 },
  ],
};
const minilm = {
  file: 'eval/dev_qa.json',
  report: { hybrid: { answerAccuracy: 0.875, medianAnswerChars: 174, failures: [], answers: [{ question: 'q' }] } },
  embedding: [{ label: 'batch 1', perS: 100 }],
};
const compared = compareReports(
  [
    { label: 'use-lite', report: useLite },
    { label: 'transformers', report: minilm },
  ],
  { skip: /(^|\.)answers(\.|\[|$)/ },
);

describe('compareReports', () => {
  it('GIVEN two reports WHEN compared THEN every figure is lined up by its path, skipped paths left out', () => {
    assert.deepEqual(compared.rows, [
      { path: 'file', values: ['eval/dev_qa.json', 'eval/dev_qa.json'] },
      { path: 'report.hybrid.answerAccuracy', values: [0.9375, 0.875] },
      { path: 'report.hybrid.medianAnswerChars', values: [168, 174] },
      { path: 'report.hybrid.failures', values: ['d15: abstained', '(none)'] },
      { path: 'embedding[batch 1].perS', values: [10, 100] },
      { path: 'embedding[batch 32].perS', values: [40, undefined] },
    ]);
  });

  it('GIVEN the comparison WHEN rendered THEN shares show as percentages, other numbers with their ratio, texts below', () => {
    assert.equal(
      renderComparison(compared),
      [
        'figure                           use-lite  transformers  transformers/use-lite',
        'report.hybrid.answerAccuracy     93.8%     87.5%',
        'report.hybrid.medianAnswerChars  168       174           1.04×',
        'embedding[batch 1].perS          10        100           10.00×',
        'embedding[batch 32].perS         40        –',
        '',
        'file:',
        '  use-lite      eval/dev_qa.json',
        '  transformers  eval/dev_qa.json',
        '',
        'report.hybrid.failures:',
        '  use-lite      d15: abstained',
        '  transformers  (none)',
      ].join('\n'),
    );
  });
});
