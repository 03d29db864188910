/** Base class: every error Dossier raises on purpose has a name, a code and an actionable message. */
export class DossierError extends Error {
  override name = 'DossierError';
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An error caused by the user's input; its message is safe to show them as is. */
export class UserError extends DossierError {
  override name = 'UserError';
  constructor(message: string, code = 'USER_INPUT', options?: { cause?: unknown }) {
    super(message, code, options);
  }
}

/** The command line itself is wrong (a missing question, an unknown source name): the CLI exits with 2. */
export class UsageError extends UserError {
  override name = 'UsageError';
  constructor(message: string, code = 'USAGE') {
    super(message, code);
  }
}

/** A setting in `.env` or the environment is missing or malformed. Never carries a secret's value. */
export class ConfigError extends DossierError {
  override name = 'ConfigError';
  constructor(
    message: string,
    readonly variables: string[],
  ) {
    super(message, 'CONFIG');
  }
}

/** The corpus folder cannot be read or holds nothing to index. */
export class CorpusError extends DossierError {
  override name = 'CorpusError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'CORPUS', options);
  }
}

/** The on-disk index is missing, corrupted or was built with another model. */
export class IndexError extends DossierError {
  override name = 'IndexError';
  constructor(
    message: string,
    readonly reason: 'missing' | 'corrupt' | 'stale' | 'locked' | 'busy',
    options?: { cause?: unknown },
  ) {
    super(message, 'INDEX', options);
  }
}

/** No embedding model could be loaded with the configured settings. */
export class ModelError extends DossierError {
  override name = 'ModelError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'MODEL', options);
  }
}

/** The optional LLM failed or answered without valid citations; callers fall back to extractive answers. */
export class LlmError extends DossierError {
  override name = 'LlmError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'LLM', options);
  }
}

/** A short description of any thrown value, for logs and one-line CLI errors. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
