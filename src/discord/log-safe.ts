import { DiscordAPIError, HTTPError } from 'discord.js';

// Interaction webhook URLs carry the interaction token, which answers as the bot for 15 minutes.
const TOKEN_IN_PATH = /\/(webhooks\/\d+|interactions\/\d+)\/[^/?]+/g;

/** Strips interaction tokens from a Discord error's URL so the error can be logged. */
export function loggable(error: unknown): unknown {
  if (!(error instanceof DiscordAPIError || error instanceof HTTPError)) return error;
  const safe = new Error(error.message.replace(TOKEN_IN_PATH, '/$1/[token]'));
  safe.name = error.name;
  return Object.assign(safe, {
    status: error.status,
    method: error.method,
    url: error.url.replace(TOKEN_IN_PATH, '/$1/[token]'),
    ...('code' in error && { code: error.code }),
  });
}
