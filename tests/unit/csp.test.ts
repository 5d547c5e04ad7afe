/** The policy string: scripts only from the site and the one hashed inline script; wasm only when asked. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, scriptHash, THEME_SCRIPT } from '../../src/lib/csp.ts';

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

describe('contentSecurityPolicy', () => {
  it('allows scripts from the site and the theme script by its sha256, nothing inline or eval', () => {
    const policy = directives(contentSecurityPolicy());
    const hash = createHash('sha256').update(THEME_SCRIPT).digest('base64');
    expect(policy.get('script-src')).toEqual(["'self'", `'sha256-${hash}'`]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-inline|'unsafe-eval'|wasm/);
  });

  it("adds 'wasm-unsafe-eval' only for the search page", () => {
    expect(directives(contentSecurityPolicy({ wasm: true })).get('script-src')).toContain("'wasm-unsafe-eval'");
  });

  it('hashes the UTF-8 bytes of a script', () => {
    expect(scriptHash('工会')).toBe(
      `'sha256-${createHash('sha256').update(Buffer.from('工会', 'utf8')).digest('base64')}'`,
    );
  });
});
