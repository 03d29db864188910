import { findDateMentions } from './resolve-date.ts';
import { summarize } from './summarize.ts';
for (const s of ['Varelidis, 67, landed at Athens airport on Tuesday on a scheduled flight from New York, escorted by two U.S. marshals and a Greek police officer, and was taken straight to Korydallos.', 'Varelidis is due to appear before a Piraeus prosecutor on Wednesday for a hearing on the terms of his release, his lawyer said.', 'After eleven and a half years in custody in Montenegro and the United States, Greek shipowner Kosmas Varelidis walked out of Korydallos prison in Athens on Thursday evening, two days after he was flown home under a transfer agreed between Athens and Washington.']) {
  const ms = findDateMentions(s, '2025-05-23');
  for (const m of ms) console.log(m.text, '=>', summarize(s, m, [], () => 'X').summary);
}
