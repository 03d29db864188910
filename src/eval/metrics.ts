import type { Answer } from '../answer/types.ts';

/** One question of an evaluation set (the format of eval/dev_qa.json). */
export interface EvalQuestion {
  id: string;
  question: string;
  type: string;
  gold_sources: string[];
  must_contain_any: string[][];
  /** The sentence (or part of it) that states the answer, and its file. */
  evidence?: string;
  evidence_source?: string;
}

/** Figures for one retrieval mode. */
export interface EvalFigures {
  answerAccuracy: number;
  abstentionAccuracy: number;
  hitAt1: number;
  hitAt3: number;
  citationValidity: number;
  medianAnswerChars: number;
  failures: string[];
}

/** True when every must_contain_any group has a match in the answer (case-insensitive). */
export function answerMatches(answer: string, groups: string[][]): boolean {
  const text = answer.toLowerCase();
  return groups.every((group) => group.some((needle) => text.includes(needle.toLowerCase())));
}

/** Scores answers against their questions; `fileText` gives a corpus file's text for the verbatim check. */
export function scoreAnswers(items: { question: EvalQuestion; answer: Answer }[], fileText: (source: string) => string | undefined): EvalFigures {
  const answerable = items.filter((item) => item.question.must_contain_any.length > 0);
  const unanswerable = items.filter((item) => item.question.must_contain_any.length === 0);
  const failures: string[] = [];
  const correct = answerable.filter(({ question, answer }) => {
    const ok = !answer.abstained && answerMatches(answer.answer, question.must_contain_any);
    if (!ok) failures.push(`${question.id}: ${answer.abstained ? 'abstained' : 'answer lacks the expected fact'}`);
    return ok;
  });
  const abstained = unanswerable.filter(({ question, answer }) => answer.abstained || !failures.push(`${question.id}: answered an unanswerable question`));
  const ranked = answerable.map(({ question, answer }) => ({ gold: new Set(question.gold_sources), sources: [...new Set(answer.retrieved.map((r) => r.source))] }));
  const citations = items.flatMap(({ answer }) => answer.citations);
  const valid = citations.filter((c) => fileText(c.source)?.includes(c.quote) ?? false);
  const lengths = items.filter(({ answer }) => !answer.abstained).map(({ answer }) => answer.answer.length).sort((a, b) => a - b);
  return {
    answerAccuracy: ratio(correct.length, answerable.length),
    abstentionAccuracy: ratio(abstained.length, unanswerable.length),
    hitAt1: ratio(ranked.filter((r) => r.gold.has(r.sources[0]!)).length, ranked.length),
    hitAt3: ratio(ranked.filter((r) => r.sources.slice(0, 3).some((s) => r.gold.has(s))).length, ranked.length),
    citationValidity: ratio(valid.length, citations.length),
    medianAnswerChars: lengths.length ? lengths[Math.floor((lengths.length - 1) / 2)]! : 0,
    failures,
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}
