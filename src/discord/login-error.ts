import { DossierError, describeError } from '../errors.ts';

/** Logging in to Discord failed for a reason the operator can act on; the message is one sentence saying what to check. */
export class DiscordLoginError extends DossierError {
  override name = 'DiscordLoginError';
  constructor(message: string, code: 'DISCORD_UNREACHABLE' | 'DISCORD_TOKEN_REFUSED', options?: { cause?: unknown }) {
    super(message, code, options);
  }
}

// Node's and undici's codes for "no connection could be made" (DNS, refused, reset, timeouts, TLS).
const NETWORK_CODES =
  /^(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE|UND_ERR_\w+|CERT_\w+|UNABLE_TO_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)$/;

/**
 * Turns what discord.js throws when a login fails into one sentence with what to check: Discord unreachable
 * (a bare `getaddrinfo ENOTFOUND discord.com` otherwise), or the token refused. Anything else is returned as is.
 */
export function explainLoginError(error: unknown, apiUrl: string): unknown {
  const chain = causes(error);
  const network = chain
    .map((e) => (e as { code?: unknown }).code)
    .find((code): code is string => typeof code === 'string' && NETWORK_CODES.test(code));
  if (network || chain.some((e) => /fetch failed|connect timeout|socket hang up/i.test(describeError(e)))) {
    const host = hostOf(apiUrl);
    return new DiscordLoginError(
      `Cannot reach Discord at ${host}${network ? ` (${network})` : ''}: check this machine's internet connection, DNS, firewall or proxy, and DISCORD_API_URL (now ${apiUrl}).`,
      'DISCORD_UNREACHABLE',
      { cause: error },
    );
  }
  const status = chain.map((e) => (e as { status?: unknown }).status).find((s) => typeof s === 'number');
  const code = chain.map((e) => (e as { code?: unknown }).code).find((c) => typeof c === 'string');
  if (status === 401 || code === 'TokenInvalid') {
    return new DiscordLoginError(
      'Discord refused the bot token (401 Unauthorized): reset it in the developer portal (Bot → Reset Token) and put the new one in DISCORD_TOKEN.',
      'DISCORD_TOKEN_REFUSED',
      { cause: error },
    );
  }
  return error;
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let at: unknown = error; at !== undefined && at !== null && chain.length < 8; at = (at as { cause?: unknown }).cause) chain.push(at);
  // undici reports several addresses tried at once as an AggregateError.
  for (const e of [...chain]) if (e instanceof AggregateError) chain.push(...e.errors);
  return chain;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
