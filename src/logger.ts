import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';

export type { Logger };

/** Paths pino blanks out wherever they appear in a log record, so a token can never reach a log. */
const REDACTED_PATHS = [
  'token',
  '*.token',
  'config.discord.token',
  'config.llm.apiKey',
  'apiKey',
  '*.apiKey',
  'headers.authorization',
  '*.headers.authorization',
];

/**
 * A logger on stderr (stdout stays free for CLI output), with secrets redacted: JSON lines for log collectors
 * when stderr is a file or a pipe, a human format (pino-pretty, loaded only then) when it is a terminal.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  if (!destination.isTTY) return pino(options, destination as pino.DestinationStream);
  const pretty = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
  // Synchronous, so that log lines and the chat's own output appear in the order they happen.
  return pino(options, pretty({ destination, sync: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' }));
}
