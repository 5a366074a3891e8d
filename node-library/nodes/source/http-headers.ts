import * as z from 'zod';
import type { HostApi } from '../../engine/host';
import type { ParamSpec } from '../params';

const secretRef = z.strictObject({ $secret: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'secret names are UPPER_SNAKE_CASE') });

export type HeaderValues = Record<string, string | { $secret: string }>;

/** HTTP headers: a keyValue param whose values may be `{ "$secret": "NAME" }`, filled in from the host's secrets at run time. */
export function headersParam(): ParamSpec<HeaderValues> {
  return {
    kind: 'keyValue',
    label: 'Headers',
    description: 'Header name -> value. A value locked to a secret (the lock; { "$secret": "NAME" } in the file) comes from the secret store, e.g. Authorization -> a secret holding "Bearer <token>".',
    secretValues: true,
    schema: z.record(z.string().min(1, 'a header name must not be empty'), z.union([z.string(), secretRef])),
    default: {},
  };
}

/** The headers with secrets resolved; a missing secret fails with what to do. */
export function resolveHeaders(headers: HeaderValues, host: HostApi): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') {
      resolved[name] = value;
      continue;
    }
    const secret = host.secret(value.$secret);
    if (secret === undefined) throw new Error(`param headers.${name}: secret ${value.$secret} is not set; add it to the secret store (headless: PIPEWRIGHT_SECRET_${value.$secret})`);
    resolved[name] = secret;
  }
  return resolved;
}

/** The start of a response body, for an error message. */
export async function bodyExcerpt(response: Response): Promise<string> {
  const text = (await response.text().catch(() => '')).trim().replace(/\s+/g, ' ');
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}
