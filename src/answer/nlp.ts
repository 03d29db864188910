import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let instance: WinkMethods | undefined;

/**
 * wink-nlp with its English model, loaded once on first use: part-of-speech tags and the numeric entities
 * (dates, durations, money, counts) that answer types are checked against. Fast enough (about 0.25 ms a
 * sentence) to analyse every candidate sentence at question time.
 */
export function englishNlp(): WinkMethods {
  instance ??= winkNLP(model);
  return instance;
}

/** One token of a parsed text: its surface form, lower-cased form and universal part-of-speech tag. */
export interface TaggedToken {
  text: string;
  lower: string;
  pos: string;
}

/** Tokens and parts of speech of a text. */
export function tagTokens(text: string): TaggedToken[] {
  return parseText(text).tokens;
}

/** Entity types wink-nlp finds in a text (DATE, DURATION, MONEY, CARDINAL, ORDINAL, PERCENT, TIME, …). */
export function numericEntities(text: string): { value: string; type: string }[] {
  return parseText(text).entities;
}

/** `tagTokens` and `numericEntities` of a text from one parse (reading a document is most of the cost of either). */
export function parseText(text: string): { tokens: TaggedToken[]; entities: { value: string; type: string }[] } {
  const nlp = englishNlp();
  const doc = nlp.readDoc(text);
  const words = doc.tokens().out(nlp.its.value) as string[];
  const tags = doc.tokens().out(nlp.its.pos) as string[];
  return {
    tokens: words.map((word, i) => ({ text: word, lower: word.toLowerCase(), pos: tags[i] ?? 'X' })),
    entities: doc.entities().out(nlp.its.detail) as unknown as { value: string; type: string }[],
  };
}
