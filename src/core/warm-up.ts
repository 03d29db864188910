import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { analyzeQuestion } from '../answer/question.ts';
import { sentenceFacts } from '../answer/facts.ts';

/**
 * Runs the question path's one-time costs once: the encoder's first inference (several times a warm one: tfjs
 * prepares its graph), the English models' loading and first tagging. `openDossier` runs it while the index is
 * read (hnswlib reads the graph in its own thread), so that the first question does not pay for it afterwards.
 */
export async function warmUpAnswering(embeddings: EmbeddingsInterface): Promise<void> {
  const question = 'Who signed the contract in Oslo on March 3, 2019?';
  analyzeQuestion(question);
  void sentenceFacts('The contract was signed by Maria Lindqvist in Oslo on March 3, 2019.').people;
  await embeddings.embedQuery(question);
}
