/** Who a message body would notify on Discord, from its content and allowed_mentions (Discord's rules, simplified). */
import type { Json } from './emulator-fixtures.ts';

export function pingsOf(body: Json, repliedTo?: { authorId: string }): string[] {
  const content = String(body.content ?? '');
  const allowed: Json | undefined = body.allowed_mentions;
  const parse: string[] = allowed ? (allowed.parse ?? []) : ['everyone', 'users', 'roles'];
  const pings: string[] = [];
  if (parse.includes('everyone')) pings.push(...(content.match(/@(everyone|here)/g) ?? []));
  const users = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]!);
  const roles = [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1]!);
  pings.push(...users.filter((id) => parse.includes('users') || allowed?.users?.includes(id)).map((id) => `user:${id}`));
  pings.push(...roles.filter((id) => parse.includes('roles') || allowed?.roles?.includes(id)).map((id) => `role:${id}`));
  // A reply pings the replied-to author unless replied_user is false.
  if (repliedTo && body.message_reference && allowed?.replied_user !== false) pings.push(`user:${repliedTo.authorId}`);
  return pings;
}

/** Every request that carries a message (content or embeds) sets allowed_mentions so that nothing can ping. */
export function messagesWithoutMentionGuard(requests: { method: string; path: string; body?: Json }[]): string[] {
  return requests
    .filter((r) => r.method === 'POST' || r.method === 'PATCH')
    .map((r) => ({ r, message: r.path.endsWith('/callback') ? r.body?.data : r.body }))
    .filter(({ message }) => message && ('content' in message || 'embeds' in message))
    .filter(
      ({ message }) =>
        !(
          Array.isArray(message.allowed_mentions?.parse) &&
          message.allowed_mentions.parse.length === 0 &&
          message.allowed_mentions.replied_user === false
        ),
    )
    .map(({ r }) => `${r.method} ${r.path}`);
}
