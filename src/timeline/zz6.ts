import { analyse } from './nlp.ts';
for (const s of ['Varelidis, 67, landed at Athens airport on Tuesday on a scheduled flight from New York.', 'Varelidis is due to appear before a Piraeus prosecutor on Wednesday for a hearing on the terms of his release, his lawyer said.'])
console.log(analyse(s).terms.map((t) => `${t.text}/${[...t.tags].join('.')}`).join(' '));
