import { pino, type Logger } from 'pino';

export type { Logger };

/** Paths pino blanks out wherever they appear in a log record, so a token can never reach a log. */
const REDACTED_PATHS = ['token', '*.token', 'config.discord.token', 'config.llm.apiKey', 'apiKey', '*.apiKey', 'headers.authorization', '*.headers.authorization'];

/** A JSON logger on stderr (stdout stays free for CLI output), with secrets redacted. */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination as pino.DestinationStream);
}
