/** Hosts a link in the app may open in the user's browser; everything else stays closed. */
export const externalLinkHosts: readonly string[] = ['github.com', 'nodejs.org', 'duckdb.org', 'www.electronjs.org'];

/**
 * True only for a plain `https:` URL to an allowlisted host: no credentials,
 * no custom port, nothing but printable ASCII and no backslashes (which the
 * OS may read differently from WHATWG URL parsing).
 */
export function isAllowedExternalUrl(raw: unknown, allowedHosts: readonly string[] = externalLinkHosts): boolean {
  if (typeof raw !== 'string' || raw.length > 2048) return false;
  // Printable ASCII only, checked on the raw text: URL() silently strips tabs, newlines and
  // zero-width characters, and turns `\` into `/`, so what it parses is not what was shown.
  if (!/^[\x21-\x7e]+$/.test(raw) || raw.includes('\\')) return false;
  if (!raw.toLowerCase().startsWith('https://')) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return false;
  // url.hostname is already lower-cased and punycoded, so a homoglyph host never equals an ASCII one.
  return allowedHosts.includes(url.hostname);
}

/** What opening a link needs of Electron's `shell`. */
export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/** Opens the URL in the user's browser when it is allowed; says whether it did. */
export function openExternalIfAllowed(shell: ShellLike, url: unknown, allowedHosts: readonly string[] = externalLinkHosts): boolean {
  if (!isAllowedExternalUrl(url, allowedHosts)) return false;
  void shell.openExternal(url as string).catch(() => undefined);
  return true;
}
