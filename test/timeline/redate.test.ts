import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractArticle } from '../../src/timeline/read-article.ts';
import { redate } from '../../src/timeline/redate.ts';
import type { ArticleTimeline } from '../../src/timeline/article-timeline.ts';
import { makeArticle } from './make-article.ts';

test('GIVEN a yearless dateline article read once WHEN dated again for 2016 THEN "On Monday" and "the next day" follow, absolute dates stay', () => {
  const record: ArticleTimeline = extractArticle(
    makeArticle(
      'w.txt',
      'MOSCOW, November 22. The court met in 2012.\n\nOn Monday, the court denied the appeal. The next day, the lawyers filed a new one.',
    ),
  );
  assert.deepEqual(record.monthDay, { month: 11, day: 22, text: 'MOSCOW, November 22' });
  const dates = redate(record.events, '2016-11-22', 'w.txt').map((event) => event.date);
  assert.deepEqual(dates, ['2012', '2016-11-21', '2016-11-22']);
});
