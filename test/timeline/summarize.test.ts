import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarize } from '../../src/timeline/summarize.ts';

/** Summarises `sentence` for the date written as `date` (its first occurrence); `others` are its other dates. */
const summary = (sentence: string, date: string, others: string[] = [], previous?: string) => {
  const span = (text: string) => ({ index: sentence.indexOf(text), end: sentence.indexOf(text) + text.length });
  return summarize(sentence, span(date), others.map(span), previous).summary;
};

test('GIVEN a passive sentence WHEN summarised THEN it reads as a headline without the date', () => {
  assert.equal(summary('Bout was detained in 2008 in Bangkok, Thailand, on the basis of a warrant issued by a local court at the request of the US.', '2008'), 'Bout detained in Bangkok, Thailand');
});

test('GIVEN a relative clause holding the date WHEN summarised THEN the event is what the clause says of its head', () => {
  const sentence = 'Russian arms dealer, Viktor Bout who was freed from a United States prison last year, on Friday, urged Donald Trump to seek refuge in Russia saying his life was in peril.';
  assert.equal(summary(sentence, 'last year', ['on Friday']), 'Viktor Bout freed from a United States prison');
  assert.equal(summary(sentence, 'on Friday', ['last year']), 'Viktor Bout urged Donald Trump to seek refuge in Russia');
});

test('GIVEN a date in a subordinate clause WHEN summarised THEN that clause is the event, with "he" named', () => {
  const sentence = 'These messages by Bout, who was called “Merchant of Death”, come months after he was released in a swap for Brittney Griner in December 2022.';
  assert.equal(summary(sentence, 'December 2022'), 'Bout released in a swap for Brittney Griner');
});

test('GIVEN a pronoun subject WHEN the previous sentence names the person THEN the summary uses the name', () => {
  assert.equal(summary('In April 2012, he was sentenced to 25 years in prison.', 'April 2012', [], 'In 2010, Bout was extradited to the US.'), 'Bout sentenced to 25 years in prison');
  assert.equal(summary('Pope spent months in pretrial detention after his arrest in April 2000.', 'April 2000'), 'Pope’s arrest');
});

test('GIVEN an appositive holding the date WHEN summarised THEN the summary is the noun and its appositive, not the main verb', () => {
  assert.equal(summary('He also invoked a line from a song about the Varyag, a cruiser destroyed by the Japanese navy in 1905.', '1905'), 'The Varyag, a cruiser destroyed by the Japanese navy');
});

test('GIVEN a quote attributed to a speaker WHEN summarised THEN the speaker comes first', () => {
  const sentence = '“For sure, Bout is a topic in our contacts with the Americans,” Lavrov said Friday while answering questions.';
  assert.equal(summary(sentence, 'Friday'), 'Lavrov said: “For sure, Bout is a topic in our contacts with the Americans”');
});

test('GIVEN a scheduled event WHEN summarised THEN the date stays, since it is the point', () => {
  assert.equal(summary('It may be raised during the presidential meeting at Camp David, scheduled for May.', 'May'), 'The presidential meeting at Camp David scheduled for May');
});

test('GIVEN a long clause WHEN summarised THEN it is cut to at most 100 characters', () => {
  const text = summary('In 2019, officials asked the U.S. to send Bout back to Moscow in exchange for as many as fifteen American residents now jailed in Russia.', '2019');
  assert.ok(text.length <= 101, text);
  assert.match(text, /^Officials asked the U\.S\. to send Bout back to Moscow/);
});

test('GIVEN a wire dateline and a "where" clause holding the date WHEN summarised THEN the clause is the event and "he" is the sentence’s subject', () => {
  const sentence = 'BERLIN, Jan. 17 (Reuters) - Alexei Navalny was detained at a Moscow airport on Sunday after flying home from Germany, where he had been treated for a poisoning in August.';
  assert.equal(summary(sentence, 'August', ['Jan. 17', 'on Sunday']), 'Navalny treated for a poisoning');
  assert.equal(summary(sentence, 'on Sunday', ['Jan. 17', 'August']), 'Alexei Navalny detained at a Moscow airport');
});

test('GIVEN a target date after "by" WHEN summarised THEN the date stays', () => {
  assert.equal(summary('Navalny will remain in Berlin’s Charité hospital, which expects him to recover by October.', 'October'), 'Berlin’s Charité hospital expects him to recover by October');
});
