import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Config } from '../config.ts';
import { UserError } from '../errors.ts';
import { isPrivateAddress } from './address.ts';

/** A fetched document: its bytes, media type and the URL it finally came from. */
export interface Fetched {
  url: string;
  contentType: string;
  body: Buffer;
}

/** Media types an article can be read from. */
const READABLE_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain', 'text/markdown', 'application/pdf'];

/**
 * GETs a URL for an article: http(s) only, every hop's host resolved and refused when it is loopback, private or
 * link-local (unless `allowPrivate`); the checked address is the one connected to, so DNS cannot change it between
 * check and connect. Redirects are followed up to `maxRedirects`, the body is cut off at `maxBytes`, and the whole
 * fetch must finish within `timeoutMs`. `anyType` skips the media-type check (an uploaded file, judged by its name and bytes). @throws UserError saying what was refused and why.
 */
export async function fetchUrl(raw: string, limits: Config['urlFetch'], options: { anyType?: boolean } = {}): Promise<Fetched> {
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  try {
    return await fetchWithin(raw, limits, options, deadline);
  } catch (error) {
    // Aborting mid-body surfaces as a reset connection: the deadline is the real reason.
    if (deadline.aborted && !(error instanceof UserError && error.code !== 'URL_UNREACHABLE')) {
      throw new UserError(`${raw} did not answer within URL_FETCH_TIMEOUT_MS=${limits.timeoutMs} ms.`, 'URL_TIMEOUT');
    }
    throw error;
  }
}

async function fetchWithin(
  raw: string,
  limits: Config['urlFetch'],
  options: { anyType?: boolean },
  deadline: AbortSignal,
): Promise<Fetched> {
  let url = parseUrl(raw);
  for (let hop = 0; ; hop++) {
    const response = await get(url, limits, deadline);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      if (hop >= limits.maxRedirects)
        throw new UserError(`${raw} redirects more than ${limits.maxRedirects} times; give the article's final address.`, 'URL_REDIRECTS');
      url = parseUrl(new URL(response.headers.location, url).href);
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new UserError(`${url.href} answered HTTP ${status}; check the address.`, 'URL_STATUS');
    }
    const contentType = String(response.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    if (!options.anyType && !READABLE_TYPES.includes(contentType)) {
      response.resume();
      throw new UserError(
        `${url.href} is ${contentType || 'of no stated type'}, not a web page or text (expected ${READABLE_TYPES.join(', ')}).`,
        'URL_TYPE',
      );
    }
    return { url: url.href, contentType, body: await readBody(response, url.href, limits.maxBytes, limits.timeoutMs) };
  }
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UserError(`"${raw.slice(0, 200)}" is not a URL; give an address such as https://example.com/news/article.`, 'URL_INVALID');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UserError(`Only http and https addresses can be fetched, not ${url.protocol}`, 'URL_INVALID');
  if (url.username || url.password) throw new UserError('Addresses with a user name or password are not fetched.', 'URL_INVALID');
  return url;
}

/** A DNS lookup that fails for a refused address; used as the socket's lookup, so the checked address is the one used. */
function guardedLookup(allowPrivate: boolean, host: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((entry) => !allowPrivate && isPrivateAddress(entry.address));
      if (refused) return callback(new PrivateAddressError(host, refused.address), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

class PrivateAddressError extends UserError {
  constructor(host: string, address: string) {
    super(
      `${host} resolves to ${address}, a loopback, private or link-local address: refused. An operator can allow such addresses with URL_FETCH_ALLOW_PRIVATE=true.`,
      'URL_PRIVATE',
    );
  }
}

function get(url: URL, limits: Config['urlFetch'], signal: AbortSignal): Promise<IncomingMessage> {
  // An IP literal is not looked up by the socket, so it is checked here.
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (!limits.allowPrivate && /^[\d.]+$|:/.test(literal) && isPrivateAddress(literal))
    return Promise.reject(new PrivateAddressError(url.hostname, literal));
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        signal,
        lookup: guardedLookup(limits.allowPrivate, url.hostname),
        headers: { 'user-agent': 'Dossier/0.1 (article import)', accept: 'text/html, text/plain;q=0.9, */*;q=0.1' },
      },
      resolve,
    );
    req.on('error', (error) => reject(describeFetchError(url.href, error, limits.timeoutMs)));
    req.end();
  });
}

function readBody(response: IncomingMessage, href: string, maxBytes: number, timeoutMs: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (declared > maxBytes) {
    response.destroy();
    return Promise.reject(tooLarge(href, maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy();
        reject(tooLarge(href, maxBytes));
      } else chunks.push(chunk);
    });
    response.on('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', (error) => reject(describeFetchError(href, error, timeoutMs)));
    response.on('close', () => {
      if (!response.complete) reject(new UserError(`${href} closed the connection before the page was complete.`, 'URL_UNREACHABLE'));
    });
  });
}

const tooLarge = (href: string, maxBytes: number) =>
  new UserError(`${href} is larger than URL_FETCH_MAX_BYTES=${maxBytes} bytes; refused.`, 'URL_TOO_LARGE');

function describeFetchError(href: string, error: Error, timeoutMs: number): Error {
  if (error instanceof UserError) return error;
  if (error.name === 'AbortError' || error.name === 'TimeoutError')
    return new UserError(`${href} did not answer within URL_FETCH_TIMEOUT_MS=${timeoutMs} ms.`, 'URL_TIMEOUT');
  const code = (error as NodeJS.ErrnoException).code;
  return new UserError(`Could not fetch ${href} (${code ?? error.message}).`, 'URL_UNREACHABLE');
}
