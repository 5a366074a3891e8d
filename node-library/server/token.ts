import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const tokenCookie = 'pipewright_token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The token a request carries, in `?token=` or in the cookie set by the first page load. */
export function requestToken(request: IncomingMessage): string | undefined {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  const cookies = request.headers.cookie?.split(';').map((c) => c.trim()) ?? [];
  return cookies.find((c) => c.startsWith(`${tokenCookie}=`))?.slice(tokenCookie.length + 1);
}

export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
