import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The libraries extraction parses with: their upgrades change what is read.
const PARSERS = ['chrono-node', 'compromise', 'wink-porter2-stemmer'];

/**
 * A fingerprint of the extraction code (every file of this folder and of the word lists it reads, `../text`, and
 * the versions of the parsers it runs): records saved by other code are extracted again, so an edit to the
 * extractor, or a parser upgrade, never leaves stale events or date readings behind and needs no version to bump.
 */
export const EXTRACTOR_VERSION = fingerprint(dirname(fileURLToPath(import.meta.url)));

function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const folder of [dir, join(dir, '..', 'text')])
    for (const name of readdirSync(folder)
      .filter((file) => /\.(ts|js)$/.test(file))
      .sort())
      hash.update(name).update(readFileSync(join(folder, name)));
  for (const name of PARSERS) hash.update(`${name}@${packageVersion(name)}`);
  return hash.digest('hex').slice(0, 16);
}

/** An installed package's version, from the package.json above its entry point (its `exports` may hide the file). */
function packageVersion(name: string): string {
  let at: string;
  try {
    at = dirname(createRequire(import.meta.url).resolve(name));
  } catch {
    return 'unknown';
  }
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(at, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === name) return manifest.version ?? 'unknown';
    } catch {
      // No package.json at this level: keep walking up.
    }
    const parent = dirname(at);
    if (parent === at) return 'unknown';
    at = parent;
  }
}
