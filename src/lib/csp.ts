/**
 * The Content-Security-Policy every page carries in a <meta http-equiv> (GitHub Pages sends no headers).
 * Scripts come only from the site's own files; the one inline script (the theme applied before first
 * paint, so the page does not flash) is allowed by its sha256 hash, computed here from the exact text the
 * layout writes. Pagefind (search page only) runs on the page, without its worker, and compiles its
 * WebAssembly there, which needs 'wasm-unsafe-eval' (without it Chromium reports a script-src violation
 * and search finds nothing; checked in
 * tests/browser/hardening.browser.test.ts). No other page compiles WebAssembly, so no other page allows it.
 */
import { createHash } from 'node:crypto';

/** Applies a saved theme choice before first paint. Written inline, byte for byte, by BaseLayout. */
export const THEME_SCRIPT =
  "try{var t=localStorage.getItem('theme');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t}catch(e){}";

/** The CSP source expression for an inline script with exactly this text. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export interface PolicyOptions {
  /** Allow WebAssembly compilation (the search page, for Pagefind). */
  wasm?: boolean;
  inlineScripts?: readonly string[];
}

export function contentSecurityPolicy({ wasm = false, inlineScripts = [THEME_SCRIPT] }: PolicyOptions = {}): string {
  const scriptSources = ["'self'", ...(wasm ? ["'wasm-unsafe-eval'"] : []), ...inlineScripts.map(scriptHash)];
  return [
    "default-src 'self'",
    `script-src ${scriptSources.join(' ')}`,
    "style-src 'self'",
    "img-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
