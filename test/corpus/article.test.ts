import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseArticle } from '../../src/corpus/article.ts';

const corpus = (name: string) => parseArticle(name, readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), 'utf8'));

test('GIVEN a scraped page with site chrome WHEN it is cleaned THEN the chrome goes and every article sentence stays', () => {
  const article = corpus('001_8cf058473a78eb62.txt');
  for (const chrome of ['16,985FansLike', 'LEAVE A REPLY', 'Please enter your comment!', 'Must Read', 'Related News', 'HomeWorld']) {
    assert.ok(!article.clean.includes(chrome), `clean text still has "${chrome}"`);
  }
  assert.ok(article.clean.includes('US-Russian relations have been at their lowest point since the Russian military launched its offensive against Ukraine.'));
  assert.equal(article.clean.match(/Arms dealer Viktor Bout offers Trump refuge in Russia/g)?.length, 1, 'the duplicated title line is dropped');
});

test('GIVEN markdown syntax WHEN cleaned THEN the prose remains without it, and quotes stay verbatim slices of the file', () => {
  const article = corpus('004_91ab4689b524ca48.txt');
  assert.ok(!article.clean.includes('**'));
  assert.ok(!article.clean.includes('\\$'));
  assert.ok(article.clean.includes('up to $25 millions in weapons'));
  for (const sentence of article.sentences) {
    const original = article.text.slice(sentence.start, sentence.end);
    assert.ok(article.text.includes(original));
    assert.equal(original.at(0), sentence.text.at(0), `sentence and its quote start alike: ${sentence.text.slice(0, 40)}`);
  }
});

test('GIVEN each corpus article WHEN metadata is extracted THEN only stated fields are set', () => {
  assert.deepEqual(corpus('000_538beb675e1a6ae0.txt').meta, { date: '2023-04-09' });
  assert.deepEqual(corpus('001_8cf058473a78eb62.txt').meta, {
    title: '‘You’ll be welcome’: Arms dealer Viktor Bout offers Trump refuge in Russia',
    outlet: 'BFM TV',
    author: 'LA with AFP',
  });
  assert.deepEqual(corpus('002_46d3cbafd3f6e099.txt').meta, { title: 'Russia cites virus fears to press for Viktor Bout release from prison' });
  assert.deepEqual(corpus('003_c464dfc57fd8e736.txt').meta, { title: 'Businessman Bout jailed in US hopes for Russian government assisstance', outlet: 'TASS' });
  assert.deepEqual(corpus('004_91ab4689b524ca48.txt').meta, {
    title: 'Russia Intends to Intercede for Bout',
    outlet: 'The Moscow Times',
    author: 'Alexander Bratersky',
    date: '2012-04-08',
    url: 'https://www.themoscowtimes.com/2012/04/08/russia-intends-to-intercede-for-bout-a13906',
  });
});

test('GIVEN abbreviations WHEN sentences are split THEN "U.S." does not end a sentence but "Ill." before "He" does', () => {
  const sentences = corpus('002_46d3cbafd3f6e099.txt').sentences.map((s) => s.text);
  assert.ok(sentences.includes('Bout is serving a 25-year sentence at the federal medium-security prison at Marion, Ill.'));
  assert.ok(sentences.some((s) => s.startsWith('He was convicted in November 2011 on four conspiracy counts stemming from a U.S. Drug Enforcement Agency sting operation.')));
});
