import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarize } from '../../src/timeline/summarize.ts';

/** Summarises `sentence` for the date written as `date` (its first occurrence); `others` are its other dates; "he" is `antecedent`. */
const summary = (sentence: string, date: string, others: string[] = [], antecedent?: string) => {
  const span = (text: string) => ({ index: sentence.indexOf(text), end: sentence.indexOf(text) + text.length });
  return summarize(sentence, span(date), others.map(span), antecedent ? () => antecedent : undefined).summary;
};

test('GIVEN a passive sentence WHEN summarised THEN it keeps actor, verb and place, without the date or the trailing detail', () => {
  assert.equal(
    summary(
      'Bout was detained in 2008 in Bangkok, Thailand, on the basis of a warrant issued by a local court at the request of the US.',
      '2008',
    ),
    'Bout was detained in Bangkok',
  );
});

test('GIVEN a relative clause holding one date and the main verb another WHEN summarised THEN each date gets its own clause', () => {
  const sentence =
    'Russian arms dealer, Viktor Bout who was freed from a United States prison last year, on Friday, urged Donald Trump to seek refuge in Russia saying his life was in peril.';
  assert.equal(summary(sentence, 'last year', ['on Friday']), 'Viktor Bout was freed from a United States prison');
  assert.equal(
    summary(sentence, 'on Friday', ['last year']),
    'Viktor Bout urged Donald Trump to seek refuge in Russia saying his life was in peril',
  );
});

test('GIVEN a date in a subordinate clause WHEN summarised THEN that clause is the event, with "he" named', () => {
  const sentence =
    'These messages by Bout, who was called “Merchant of Death”, come months after he was released in a swap for Brittney Griner in December 2022.';
  assert.equal(summary(sentence, 'December 2022', [], 'Bout'), 'Bout was released in a swap for Brittney Griner');
  assert.equal(
    summary('In April 2012, he was sentenced to 25 years in prison.', 'April 2012', [], 'Bout'),
    'Bout was sentenced to 25 years in prison',
  );
});

test('GIVEN an apposition holding the date WHEN summarised THEN the name it describes leads', () => {
  assert.equal(
    summary('He also invoked a line from a song about the Varyag, a cruiser destroyed by the Japanese navy in 1905.', '1905'),
    'The Varyag, a cruiser destroyed by the Japanese navy',
  );
});

test('GIVEN a quote attributed to a speaker WHEN summarised THEN the speaker comes first and what was said follows', () => {
  const sentence = '“For sure, Bout is a topic in our contacts with the Americans,” Lavrov said Friday while answering questions.';
  assert.equal(summary(sentence, 'Friday'), 'Lavrov said: For sure Bout is a topic in our contacts with the Americans');
});

test('GIVEN a scheduled event or a target date WHEN summarised THEN the date stays, since it is the point', () => {
  assert.equal(
    summary('It may be raised during the presidential meeting at Camp David, scheduled for May.', 'May'),
    'The presidential meeting at Camp David scheduled for May',
  );
  assert.equal(
    summary('Navalny will remain in Berlin’s Charité hospital, which expects him to recover by October.', 'October'),
    'Berlin’s Charité hospital expects him to recover by October',
  );
});

test('GIVEN a long clause WHEN summarised THEN it is cut at a word to at most 120 characters and marked', () => {
  const text = summary(
    'In 2019, officials asked the U.S. to send Bout back to Moscow in exchange for as many as fifteen American residents now jailed in Russia and elsewhere in the region.',
    '2019',
  );
  assert.equal(
    text,
    'Officials asked the U.S. to send Bout back to Moscow in exchange for as many as fifteen American residents now jailed…',
  );
});

test('GIVEN a wire dateline and a "where" clause holding the date WHEN summarised THEN the clause is the event and "he" is named', () => {
  const sentence =
    'BERLIN, Jan. 17 (Reuters) - Alexei Navalny was detained at a Moscow airport on Sunday after flying home from Germany, where he had been treated for a poisoning in August.';
  assert.equal(summary(sentence, 'August', ['Jan. 17', 'on Sunday'], 'Navalny'), 'Navalny had been treated for a poisoning');
  assert.equal(summary(sentence, 'on Sunday', ['Jan. 17', 'August']), 'Alexei Navalny was detained at a Moscow airport');
});

test('GIVEN a date phrase opening the sentence WHEN summarised THEN the main clause after it is the event', () => {
  assert.equal(
    summary('On Monday, the Court of Appeals for the Second Circuit in New York denied Bout a retrial, upholding the ruling.', 'On Monday'),
    'The Court of Appeals for the Second Circuit in New York denied Bout a retrial',
  );
  assert.equal(
    summary(
      'In 1989 he came ashore as a superintendent, and in 1991, with two tankers bought with borrowed money, he founded Kymothoe Navigation.',
      '1991',
      ['1989'],
      'Varelidis',
    ),
    'Varelidis founded Kymothoe Navigation',
  );
});

test('GIVEN a subject with an age and a description WHEN its clause starts at the verb THEN the name is the subject', () => {
  assert.equal(
    summary(
      'Kosmas Varelides, 55, the founder of Kymothoe Navigation, was arrested late on Friday in the lobby of a hotel in Budva, police said.',
      'on Friday',
    ),
    'Kosmas Varelides was arrested in the lobby of a hotel in Budva',
  );
});

test('GIVEN a statement WHEN summarised THEN it is marked as said', () => {
  const sentence = 'The Justice Ministry said Friday that Bout might be released to Russian custody.';
  const span = { index: sentence.indexOf('Friday'), end: sentence.indexOf('Friday') + 6 };
  assert.equal(summarize(sentence, span, []).said, true);
});
