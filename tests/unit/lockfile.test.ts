/**
 * `npm ci` refuses a lockfile that leaves out any optional package of any platform (it checks the lock
 * against package.json for every os/cpu, not only this machine's). So every optional dependency a locked
 * package declares must have its own entry in package-lock.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../tools/shared/content.ts';

interface LockedPackage {
  version?: string;
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockedPackage>;
};

/** Where npm looks for `name` needed by the package at `path`: its own node_modules, then each parent's. */
function resolves(path: string, name: string): boolean {
  for (let dir = path; ; dir = dir.includes('/node_modules/') ? dir.slice(0, dir.lastIndexOf('/node_modules/')) : '') {
    if (lock.packages[dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`]) return true;
    if (dir === '') return false;
  }
}

describe('package-lock.json', () => {
  it('lists every optional dependency of every platform', () => {
    const missing = Object.entries(lock.packages).flatMap(([path, pkg]) =>
      Object.keys(pkg.optionalDependencies ?? {})
        .filter((name) => !resolves(path, name))
        .map((name) => `${name} (needed by ${path || 'the project'})`),
    );
    expect(missing).toEqual([]);
  });
});
