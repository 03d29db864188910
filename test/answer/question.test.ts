import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitsAnswerType } from '../../src/answer/evidence.ts';
import { analyzeQuestion } from '../../src/answer/question.ts';
import { stem } from '../../src/index/lexical.ts';

test('GIVEN questions WHEN analysed THEN each gets the answer type it asks for', () => {
  const types = Object.fromEntries(
    [
      'When was Bout extradited?',
      'On what day did the visit start?',
      'How many people did Russia offer?',
      'Where is the prison?',
      'Who sentenced Bout?',
      'Which news agencies do the articles cite as sources?',
      'Do the articles agree on the year of the arrest?',
      'What did Bout tell TASS?',
    ].map((q) => [q, analyzeQuestion(q).type]),
  );
  assert.deepEqual(Object.values(types), ['date', 'date', 'number', 'place', 'person', 'attribution', 'comparison', 'other']);
});

test('GIVEN "how many X" WHEN checking evidence THEN a number must count X, not something else in the sentence', () => {
  const question = analyzeQuestion('How many aircraft were in his fleet?');
  assert.equal(question.counted, 'aircraft');
  assert.equal(fitsAnswerType(question, 'He operated a fleet of planes and faced four conspiracy charges.'), false);
  assert.equal(fitsAnswerType(question, 'He operated 12 aircraft.'), true);
  assert.equal(fitsAnswerType(analyzeQuestion("How many 'embarrassing' cases were there?"), 'cover up three “embarrassing” cases'), true);
});

test('GIVEN a "which X" question WHEN analysed THEN X is the category the answer belongs to', () => {
  assert.equal(analyzeQuestion('Which top Russian diplomat claimed the jury was primed?').asked, stem('diplomat'));
  assert.equal(analyzeQuestion('Which State Duma committee did Pushkov head?').asked, stem('committee'));
  assert.equal(analyzeQuestion('What kind of weapons did Bout offer?').asked, stem('weapon'));
});

test('GIVEN a date question WHEN the sentence has a weekday, month or year THEN it fits', () => {
  const question = analyzeQuestion('When did the visit start?');
  assert.equal(fitsAnswerType(question, 'His visit to Washington starts Wednesday.'), true);
  assert.equal(fitsAnswerType(question, 'His visit to Washington starts soon.'), false);
});

test('GIVEN a year or a name the corpus never mentions WHEN analysed THEN it is one of the names the evidence must carry', () => {
  assert.deepEqual(analyzeQuestion('Why did Russia want Bout released in 2020?').names, ['russia', 'bout', '2020']);
  assert.deepEqual(analyzeQuestion('When was he extradited to the United States?').names, ['usa']);
});

test('GIVEN date expressions WHEN rated THEN a month and year beats a year, which beats a weekday, which beats "ago"', async () => {
  const { dateSpecificity } = await import('../../src/answer/evidence.ts');
  assert.deepEqual(
    ['In April 2012, he was sentenced.', 'He was sentenced in 2012.', 'He was sentenced Thursday.', 'He was sentenced over a decade ago.', 'He was sentenced.'].map(dateSpecificity),
    [4, 3, 2, 1, 0],
  );
});

test('GIVEN a question with a link or inline code WHEN analysed THEN their words are not required names', () => {
  const question = analyzeQuestion('Where was Bout arrested? See https://Example.com/Some/Page and `Foo.Bar`');
  assert.deepEqual(question.names, ['bout']);
  assert.equal(question.type, 'place');
});
