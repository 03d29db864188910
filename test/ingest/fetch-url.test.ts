import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { isPrivateAddress } from '../../src/ingest/address.ts';
import { fetchUrl } from '../../src/ingest/fetch-url.ts';

const LIMITS = { allowPrivate: false, maxBytes: 1000, timeoutMs: 1000, maxRedirects: 2 };
const OPEN = { ...LIMITS, allowPrivate: true };

describe('fetching an article URL', () => {
  let server: Server;
  let base: string;
  before(async () => {
    server = createServer((req, res) => {
      if (req.url === '/page') res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hello</p>');
      else if (req.url === '/big') res.writeHead(200, { 'content-type': 'text/html' }).end('x'.repeat(5000));
      else if (req.url === '/slow') res.writeHead(200, { 'content-type': 'text/html' }).write('<p>');
      else if (req.url?.startsWith('/hop')) res.writeHead(302, { location: `/hop${Number(req.url.slice(4) || 0) + 1}` }).end();
      else if (req.url === '/to-metadata') res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      else res.writeHead(404).end();
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it('GIVEN loopback, private, link-local and mapped addresses THEN each is private, and public ones are not', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fd12::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
    ]) {
      assert.equal(isPrivateAddress(address), true, address);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])
      assert.equal(isPrivateAddress(address), false, address);
  });

  it('GIVEN URL_FETCH_ALLOW_PRIVATE is off WHEN a URL names or resolves to a loopback address THEN it is refused naming the address and the setting', async () => {
    await assert.rejects(fetchUrl(`${base}/page`, LIMITS), {
      name: 'UserError',
      message:
        /^127\.0\.0\.1 resolves to 127\.0\.0\.1, a loopback, private or link-local address: refused\. An operator can allow such addresses with URL_FETCH_ALLOW_PRIVATE=true\.$/,
    });
    await assert.rejects(fetchUrl(`${base.replace('127.0.0.1', 'localhost')}/page`, LIMITS), {
      message: /^localhost resolves to (127\.0\.0\.1|::1), a loopback/,
    });
    await assert.rejects(fetchUrl('http://[::1]:9/page', LIMITS), { message: /^\[::1\] resolves to ::1, a loopback/ });
  });

  it('GIVEN private addresses are allowed WHEN a page redirects to a link-local address THEN the redirect target is checked and refused', async () => {
    await assert.rejects(fetchUrl(`${base}/to-metadata`, { ...LIMITS, allowPrivate: false }), /resolves to 127\.0\.0\.1/);
    const checksEveryHop = fetchUrl(`${base}/to-metadata`, OPEN);
    // Allowed, the link-local target is fetched (and fails to connect here): the setting applies to every hop.
    await assert.rejects(checksEveryHop, /169\.254\.169\.254/);
  });

  it('GIVEN limits WHEN a page is too large, too slow or redirects too often THEN each is refused with its limit named', async () => {
    assert.equal((await fetchUrl(`${base}/page`, OPEN)).body.toString(), '<p>hello</p>');
    await assert.rejects(fetchUrl(`${base}/big`, OPEN), {
      message: new RegExp(`^${base}/big is larger than URL_FETCH_MAX_BYTES=1000 bytes; refused\\.$`),
    });
    await assert.rejects(fetchUrl(`${base}/slow`, { ...OPEN, timeoutMs: 300 }), {
      message: new RegExp(`^${base}/slow did not answer within URL_FETCH_TIMEOUT_MS=300 ms\\.$`),
    });
    await assert.rejects(fetchUrl(`${base}/hop`, OPEN), {
      message: new RegExp(`^${base}/hop redirects more than 2 times; give the article's final address\\.$`),
    });
  });
});
