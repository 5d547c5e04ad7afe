/**
 * URL rules for a site that may live under a base path (GitHub Pages serves a project at `/<repo>/`).
 * Every internal link in the archive is built by `pathWithBase` (see src/lib/urls.ts), which uses these.
 */

/** Turns a user-supplied base (`repo`, `/repo`, `/repo/`, empty) into `/repo/` or `/`. */
export function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  if (!/^[A-Za-z0-9._~\-/]+$/.test(trimmed)) {
    throw new Error(`BASE_PATH "${raw}" may only hold ASCII letters, digits and - . _ ~ /`);
  }
  return `/${trimmed}/`;
}

/** Checks a site origin such as `https://example.github.io` (no path: the path is BASE_PATH). */
export function normalizeSite(raw: string | undefined, fallback: string): string {
  const value = (raw ?? '').trim() || fallback;
  const url = new URL(value);
  return url.origin;
}

/**
 * Joins a normalised base (`/` or `/repo/`) and a site-relative path. Page paths get a trailing slash
 * (the archive's URL form, `/reports/<id>/`); paths to files (with an extension) and fragments/queries
 * are kept as given. Absolute URLs (with a scheme) and `#fragment`-only links pass through untouched.
 */
export function joinBase(base: string, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('#') || path.startsWith('//')) return path;
  const match = /^([^?#]*)(.*)$/.exec(path);
  let pathname = (match?.[1] ?? '').replace(/^\/+/, '');
  const rest = match?.[2] ?? '';
  const lastSegment = pathname.split('/').pop() ?? '';
  if (pathname !== '' && !pathname.endsWith('/') && !lastSegment.includes('.')) pathname += '/';
  return `${base}${pathname}${rest}`;
}
