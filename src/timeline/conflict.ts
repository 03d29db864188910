import { compatible } from './calendar.ts';
import { NUMBER_WORDS, numberWordValue } from '../text/number-words.ts';
import { stem } from '../text/stem.ts';
import { names } from './terms.ts';

/** One report of an event, as conflicts are looked for in it. */
export interface Report {
  source: string;
  date: string;
  clause: string;
}

/** What reports of one event disagree on: the date, a figure, or the spelling of a name; undefined when they agree. */
export function describeConflict(reports: Report[]): string | undefined {
  const found = [dateConflict(reports), figureConflict(reports), spellingConflict(reports)].filter(Boolean);
  return found.length > 0 ? found.join('; ') : undefined;
}

function dateConflict(reports: Report[]): string | undefined {
  const dates = [...new Set(reports.map((report) => report.date))].sort();
  if (dates.every((a) => dates.every((b) => compatible(a, b)))) return undefined;
  return `the date differs: ${dates.map((date) => `${date} (${sourcesOf(reports.filter((report) => report.date === date))})`).join(' vs ')}`;
}

// A number and the thing it counts: "25 years", "25-year", "$15 million", "four counts".
const FIGURE = new RegExp(
  String.raw`(\$\s?)?\b(\d[\d,.]*|${[...NUMBER_WORDS.keys()].join('|')})\b(?:\s*(million|billion|thousand))?[\s-]+([a-z]+)`,
  'gi',
);
const NOT_UNITS = /^(in|on|at|of|to|and|or|the|a|by|for|from|with|was|were|is|are|percent)$/;

function figureConflict(reports: Report[]): string | undefined {
  // Per source, per thing counted ("$ million fine", "year"): the values stated, each with how it was written.
  const bySource = new Map<string, Map<string, Map<string, string>>>();
  for (const report of reports) {
    const figures = bySource.get(report.source) ?? new Map<string, Map<string, string>>();
    for (const match of report.clause.matchAll(FIGURE)) {
      const [written, dollar, value, scale, unit] = match;
      if (NOT_UNITS.test(unit!.toLowerCase()) || /^(1[89]|20)\d\d$/.test(value!)) continue;
      const key = `${dollar ? '$' : ''}${scale ? `${scale.toLowerCase()} ` : ''}${stem(unit!)}`;
      const values = figures.get(key) ?? new Map<string, string>();
      values.set(numberValue(value!), written.trim());
      figures.set(key, values);
    }
    bySource.set(report.source, figures);
  }
  const differences: string[] = [];
  const sources = [...bySource.keys()];
  for (const [i, a] of sources.entries()) {
    for (const b of sources.slice(i + 1)) {
      for (const [key, valuesA] of bySource.get(a)!) {
        const valuesB = bySource.get(b)!.get(key);
        if (!valuesB || [...valuesA.keys()].some((value) => valuesB.has(value))) continue;
        differences.push(`${[...valuesA.values()].join(', ')} (${a}) vs ${[...valuesB.values()].join(', ')} (${b})`);
      }
    }
  }
  return differences.length > 0 ? `the figures differ: ${differences.join('; ')}` : undefined;
}

/** "four" and "4", "1,000" and "1000" state the same value. */
function numberValue(value: string): string {
  return String(numberWordValue(value) ?? Number(value.replace(/,/g, '')));
}

function spellingConflict(reports: Report[]): string | undefined {
  const bySource = new Map<string, Set<string>>();
  for (const report of reports) {
    const words = bySource.get(report.source) ?? new Set<string>();
    for (const run of names(report.clause)) for (const word of run.split(' ')) if (word.length >= 5) words.add(word);
    bySource.set(report.source, words);
  }
  const differences = new Set<string>();
  const sources = [...bySource.keys()];
  // Copies of one wording (wire copy) name the same words: no spelling differs between them.
  const wording = new Map([...bySource].map(([source, words]) => [source, [...words].sort().join(' ')]));
  for (const [i, a] of sources.entries()) {
    for (const b of sources.slice(i + 1)) {
      if (wording.get(a) === wording.get(b)) continue;
      const [wordsA, wordsB] = [bySource.get(a)!, bySource.get(b)!];
      for (const x of wordsA) {
        for (const y of wordsB) {
          if (x === y || wordsA.has(y) || wordsB.has(x) || x[0] !== y[0] || x.startsWith(y) || y.startsWith(x)) continue;
          if (editDistance(x.toLowerCase(), y.toLowerCase()) <= (Math.min(x.length, y.length) >= 7 ? 2 : 1))
            differences.add(`${x} (${a}) vs ${y} (${b})`);
        }
      }
    }
  }
  return differences.size > 0 ? `the spelling differs: ${[...differences].join('; ')}` : undefined;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length]!;
}

function sourcesOf(reports: Report[]): string {
  return [...new Set(reports.map((report) => report.source))].join(', ');
}
