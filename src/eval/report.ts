import { crossValidate, byArticle, bySet, figures, type Figures, type Outcome } from './cross-validate.ts';
import type { PreparedItem } from './prepare.ts';

/** Cross-validated figures per held-out set, under both ways of holding out. */
export interface CrossValidatedReport {
  /** Each set answered by a model fitted on the other sets only. */
  bySet: Record<string, Figures>;
  /** Each article's questions answered by a model fitted on questions about other articles; grouped per set. */
  byArticle: Record<string, Figures>;
}

/** Runs both cross-validations. */
export function crossValidatedReport(items: PreparedItem[], options: { encoderIndependent?: boolean } = {}): CrossValidatedReport {
  return {
    bySet: perSet(crossValidate(items, bySet, options)),
    byArticle: perSet(crossValidate(items, byArticle, options)),
  };
}

/** Figures of each set, and of all sets together under "all". */
export function perSet(outcomes: Outcome[]): Record<string, Figures> {
  const sets = [...new Set(outcomes.map((o) => o.item.set))];
  return { ...Object.fromEntries(sets.map((set) => [set, figures(outcomes.filter((o) => o.item.set === set))])), all: figures(outcomes) };
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
// A set with none of a figure's questions (a set of unanswerable questions has no answer to be correct) has no
// such figure: a dash, not the 100% an empty ratio would print.
const share = (value: number, of: number) => (of === 0 ? '–' : percent(value));

/** A table of figures, one column per set. */
export function figuresTable(title: string, bySetFigures: Record<string, Figures>): string {
  const sets = Object.keys(bySetFigures);
  const rows: string[][] = [
    [title, ...sets],
    ['questions (answerable/not)', ...sets.map((s) => `${bySetFigures[s]!.answerable}/${bySetFigures[s]!.unanswerable}`)],
    ['answer correct', ...sets.map((s) => share(bySetFigures[s]!.accuracy, bySetFigures[s]!.answerable))],
    ['unanswerables declined', ...sets.map((s) => share(bySetFigures[s]!.declined, bySetFigures[s]!.unanswerable))],
    ['false abstention', ...sets.map((s) => share(bySetFigures[s]!.falseAbstention, bySetFigures[s]!.answerable))],
    ['wrong among answered', ...sets.map((s) => share(bySetFigures[s]!.wrongAnswers, bySetFigures[s]!.answered))],
    ['citations valid', ...sets.map((s) => percent(bySetFigures[s]!.citationValidity))],
    ['median answer chars', ...sets.map((s) => String(bySetFigures[s]!.medianAnswerChars))],
  ];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  return rows.map((row) => row.map((cell, col) => cell.padEnd(widths[col]!)).join('  ')).join('\n');
}
