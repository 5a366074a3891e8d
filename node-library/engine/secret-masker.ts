import type { HostApi } from './host';

export const MASK = '***';

/** Secrets shorter than this are not masked: masking "a" would blank every a in every log. */
const MIN_SECRET_LENGTH = 3;
/** Base64 runs shorter than this (6 bytes of secret) would match ordinary text too often. */
const MIN_BASE64_FRAGMENT = 8;

/**
 * Masks the values of secrets a run has read, in every form a log line or an
 * error is likely to carry them: as is, URL-encoded, JSON-escaped, and base64
 * (standard and URL-safe, alone or inside a longer base64 text such as a
 * Basic auth header, whatever its alignment there).
 */
export interface SecretMasker {
  add(value: string): void;
  mask(text: string): string;
  /** A copy of a plain JSON-like value with every string masked; the value itself when there is nothing to mask. */
  maskDeep<T>(value: T): T;
}

export function createSecretMasker(): SecretMasker {
  const secrets = new Set<string>();
  let pattern: RegExp | undefined;

  const mask = (text: string) => (pattern && text.length > 0 ? text.replace(pattern, MASK) : text);
  const maskDeep = (value: unknown): unknown => {
    if (typeof value === 'string') return mask(value);
    if (Array.isArray(value)) return value.map(maskDeep);
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v)]));
    }
    return value;
  };

  return {
    add(value) {
      if (value.length < MIN_SECRET_LENGTH || secrets.has(value)) return;
      secrets.add(value);
      const forms = new Set([...secrets].flatMap(secretForms));
      // Longest first, so a whole encoded secret is masked before a fragment of it.
      const sorted = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
      pattern = new RegExp(sorted.join('|'), 'g');
    },
    mask,
    maskDeep: <T>(value: T) => (pattern ? (maskDeep(value) as T) : value),
  };
}

/** Every text form of one secret that masking looks for. */
export function secretForms(secret: string): string[] {
  const forms = [secret, encodeURIComponent(secret), encodeURI(secret), encodeURIComponent(secret).replace(/%20/g, '+'), JSON.stringify(secret).slice(1, -1)];
  const bytes = Buffer.from(secret, 'utf8');
  forms.push(bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('base64').replace(/=+$/, ''));
  // Inside a longer base64 text the secret starts at byte offset 0, 1 or 2 of a 3-byte group;
  // the groups that hold only secret bytes encode the same way whatever surrounds them.
  for (let skip = 0; skip < 3; skip += 1) {
    const whole = Math.floor((bytes.length - skip) / 3) * 3;
    if (whole <= 0) continue;
    const fragment = bytes.subarray(skip, skip + whole);
    for (const encoded of [fragment.toString('base64'), fragment.toString('base64url')]) if (encoded.length >= MIN_BASE64_FRAGMENT) forms.push(encoded);
  }
  return forms.filter((form) => form.length >= MIN_SECRET_LENGTH);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The host with every secret it hands out remembered by the masker. */
export function maskingHost(host: HostApi, masker: SecretMasker): HostApi {
  return {
    ...host,
    secret(name) {
      const value = host.secret(name);
      if (value !== undefined) masker.add(value);
      return value;
    },
  };
}

/** Names of every secret a pipeline refers to: `{ "$secret": NAME }` anywhere in node params, and node secret allowlists. */
export function referencedSecrets(nodes: readonly { params?: unknown; secrets?: readonly string[] }[]): string[] {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      const ref = (value as { $secret?: unknown }).$secret;
      if (typeof ref === 'string') names.add(ref);
      else Object.values(value).forEach(visit);
    }
  };
  for (const node of nodes) {
    visit(node.params);
    node.secrets?.forEach((name) => names.add(name));
  }
  return [...names];
}
