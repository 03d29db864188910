import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../../src/config.ts';

test('GIVEN no URL_FETCH_* settings THEN private addresses are refused and the fetch limits have their defaults', () => {
  assert.deepEqual(loadConfig({}).urlFetch, { allowPrivate: false, maxBytes: 5_000_000, timeoutMs: 15_000, maxRedirects: 5 });
});

test('GIVEN URL_FETCH_ALLOW_PRIVATE=true THEN it is allowed; GIVEN a bad value THEN start-up names the variable', () => {
  assert.equal(loadConfig({ URL_FETCH_ALLOW_PRIVATE: 'true' }).urlFetch.allowPrivate, true);
  assert.throws(() => loadConfig({ URL_FETCH_ALLOW_PRIVATE: 'sometimes' }), {
    name: 'ConfigError',
    message: /URL_FETCH_ALLOW_PRIVATE: expected true or false \(got "sometimes"\)/,
  });
  assert.throws(() => loadConfig({ URL_FETCH_MAX_REDIRECTS: '50' }), {
    message: /URL_FETCH_MAX_REDIRECTS: expected a whole number from 0 to 20/,
  });
});
