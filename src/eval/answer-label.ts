import type { Candidate } from '../answer/candidates.ts';
import { isAnswerable } from './labelled.ts';
import { answerMatches } from './metrics.ts';
import type { PreparedItem } from './prepare.ts';

// Evidence this short ("in 2008") would match sentences that do not state the answer.
const MIN_EVIDENCE_CHARS = 20;
// A sentence shorter than this inside the evidence is a fragment of it, not the statement.
const MIN_SENTENCE_IN_EVIDENCE_CHARS = 30;

/** Whether a candidate (with its lead) states the labelled answer: it carries the evidence, or the expected facts in a gold article. */
export function statesAnswer(item: PreparedItem, candidate: Candidate): boolean {
  const { question } = item;
  if (!isAnswerable(question)) return false;
  const text = `${candidate.lead ? `${candidate.lead.text} ` : ''}${candidate.sentence.text}`;
  const evidence = normalise(question.evidence ?? '');
  const own = normalise(candidate.sentence.text);
  const inEvidenceSource = candidate.sentence.source === (question.evidence_source || candidate.sentence.source);
  if (evidence.length > MIN_EVIDENCE_CHARS && inEvidenceSource && (own.includes(evidence) || (own.length > MIN_SENTENCE_IN_EVIDENCE_CHARS && evidence.includes(own)))) return true;
  return question.gold_sources.includes(candidate.sentence.source) && answerMatches(text, question.must_contain_any);
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[“”"‘’']/g, '').replace(/\s+/g, ' ').trim();
}
