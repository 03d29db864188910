import type { Config } from '../config.ts';
import type { Dossier } from '../core/dossier.ts';
import type { OpenHooks } from '../core/open-dossier.ts';
import type { OpenReport } from '../core/open-index.ts';
import type { CliIo } from './io.ts';

export type OpenedDossier = Dossier & { opened: OpenReport };

/** How the CLI opens the core; tests pass one over fake embeddings. Defaults to `openDossier`, imported when first used. */
export type DossierOpener = (config: Config, hooks: OpenHooks) => Promise<OpenedDossier>;

/**
 * What a CLI command is given: output helpers, and the configuration and the core, both loaded only when a command
 * asks for them, so that `--help` and argument errors never pay for the model, the index or even zod.
 */
export class CliContext {
  /** Set by `--verbose`: stack traces on errors, and the core's notices (which encoder, what was rebuilt). */
  verbose = false;
  /** A command that completed but wants a non-zero exit (e.g. a batch with failed lines) sets this. */
  exitCode = 0;
  private loadedConfig: Config | undefined;
  private readonly opened: OpenedDossier[] = [];

  constructor(
    readonly io: CliIo,
    private readonly openDossier?: DossierOpener,
  ) {}

  /** One line on stdout. */
  print(text: string): void {
    this.io.stdout.write(`${text}\n`);
  }

  /** One warning line on stderr. */
  warn(text: string): void {
    this.io.stderr.write(`warning: ${text}\n`);
  }

  /** An informational line on stderr, shown with --verbose only. */
  notice(text: string): void {
    if (this.verbose) this.io.stderr.write(`${text}\n`);
  }

  /** The validated settings (`.env` and the environment), read once. @throws ConfigError */
  async config(): Promise<Config> {
    if (!this.loadedConfig) {
      const { loadConfigFromDotenv } = await import('../config.ts');
      this.loadedConfig = loadConfigFromDotenv({ cwd: this.io.cwd, env: this.io.env, warn: (message) => this.warn(message) });
    }
    return this.loadedConfig;
  }

  /**
   * Opens the index (building it when missing or stale, with a progress bar on stderr) with the configured encoder.
   * `retryPreferredModel` tries the preferred embedding model again even if it was found unavailable before.
   */
  async open(options: { retryPreferredModel?: boolean } = {}): Promise<OpenedDossier> {
    const config = await this.config();
    const [openDossier, { createProgressBar }] = await Promise.all([
      this.openDossier ?? import('../core/open-dossier.ts').then((module) => module.openDossier),
      import('../terminal/progress-bar.ts'),
    ]);
    const bar = createProgressBar(this.io.stderr);
    try {
      const dossier = await openDossier(config, {
        notice: (message) => this.notice(message),
        warn: (message) => {
          bar.interrupt();
          this.warn(message);
        },
        onBuildProgress: (progress) => bar.update(progress),
        retryPreferredModel: options.retryPreferredModel,
      });
      this.opened.push(dossier);
      return dossier;
    } finally {
      bar.stop();
    }
  }

  /** Closes what `open` opened. */
  async close(): Promise<void> {
    await Promise.all(this.opened.splice(0).map((dossier) => dossier.close()));
  }
}
