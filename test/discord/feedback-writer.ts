/** A process appending feedback records, for the shared-file test: `feedback-writer.ts <file> <writer> <count>`. */
import { FeedbackStore } from '../../src/discord/feedback.ts';

const [file, writer, count] = process.argv.slice(2) as [string, string, string];
// Several stores per process, as after a restart overlap, so writes also race within the process.
const stores = [new FeedbackStore(file), new FeedbackStore(file), new FeedbackStore(file)];
await Promise.all(
  Array.from({ length: Number(count) }, (_, i) =>
    stores[i % stores.length]!.record({
      at: new Date().toISOString(),
      vote: i % 2 ? 'up' : 'down',
      userId: writer,
      guildId: null,
      channelId: null,
      messageId: `${writer}-${i}`,
      question: `question ${i} from ${writer}`,
      // Records from a few bytes to 200 KB: larger than a pipe buffer or a stream chunk, still one write.
      answer: 'x'.repeat((i * 7919) % 200_000),
      sources: [],
    }),
  ),
);
