import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import semver from 'semver';

const ROOT = join(import.meta.dirname, '../..');

/** Every installed package's manifest under node_modules (scoped and nested ones included). */
function installedManifests(dir: string): { name: string; version: string; engines?: { node?: string } }[] {
  const found: { name: string; version: string; engines?: { node?: string } }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      found.push(...installedManifests(path));
      continue;
    }
    try {
      found.push(JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')));
    } catch {
      continue;
    }
    try {
      found.push(...installedManifests(join(path, 'node_modules')));
    } catch {
      // No nested node_modules.
    }
  }
  return found;
}

test('GIVEN the engines package.json promises WHEN every installed dependency is read THEN each supports the oldest Node it allows', () => {
  const promised = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node as string;
  const oldest = semver.minVersion(promised)!.version;
  const refusing = installedManifests(join(ROOT, 'node_modules'))
    .filter(
      (pkg) => typeof pkg.engines?.node === 'string' && semver.validRange(pkg.engines.node) && !semver.satisfies(oldest, pkg.engines.node),
    )
    .map((pkg) => `${pkg.name}@${pkg.version} wants node ${pkg.engines!.node}`);
  assert.deepEqual(refusing, []);
});
