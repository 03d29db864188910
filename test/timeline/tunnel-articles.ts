// Three short articles about one invented tunnel, for the tests of the timeline's stored extractions: the third
// repeats the first's event, so adding it changes the merge of an existing year.
import { makeArticle } from './make-article.ts';

export const first = makeArticle('first.txt', 'The tunnel under the estuary opened on 4 March 2019, the operator said.', '2019-03-05');
export const second = makeArticle('second.txt', 'Engineers closed the estuary tunnel on Monday after a leak.', '2020-06-10');
export const third = makeArticle(
  'third.txt',
  'The estuary tunnel opened in March 2019 and carried a million cars in its first year.',
  '2020-01-02',
);

/** A value as it comes back from disk (JSON round trip), for comparing a reread build with the one saved. */
export const stored = (value: unknown) => JSON.parse(JSON.stringify(value));
