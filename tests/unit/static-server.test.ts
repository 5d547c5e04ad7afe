/**
 * The static server of the browser tests and the benchmark: the site under its base path as GitHub Pages
 * serves it, and nothing outside its root, whatever the request path. Requests go out raw (node:http),
 * since a WHATWG URL would resolve `%2e%2e` and backslashes before they reached the server.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../tools/shared/static-server.ts';

const BASE = '/base/';
const SECRET = 'secret-outside-the-root';
const GZIPPED = gzipSync('{"excerpt":"工会"}');

let dir: string;
let root: string;
let server: StaticServer;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request with the path exactly as given; a server that does not answer fails it, not the timeout. */
function get(path: string): Promise<Answer> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const sent = request({ hostname, port, path, timeout: 10_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    sent.on('timeout', () => sent.destroy(new Error(`${path}: no answer`)));
    sent.on('error', reject).end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'static-server-'));
  // The root `dist` has a sibling whose name starts with the root's: a prefix check alone lets it through.
  root = join(dir, 'dist');
  mkdirSync(join(root, 'sub'), { recursive: true });
  mkdirSync(join(dir, 'dist-other'));
  writeFileSync(join(root, 'index.html'), '<h1>home</h1>');
  writeFileSync(join(root, 'sub', 'index.html'), '<h1>sub</h1>');
  writeFileSync(join(root, '404.html'), '<h1>not found</h1>');
  writeFileSync(join(root, 'block.json.gz'), GZIPPED);
  writeFileSync(join(root, '.hidden'), SECRET);
  writeFileSync(join(dir, 'dist-other', 'secret.txt'), SECRET);
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  server = await serveStatic(root, BASE);
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the site under its base path', () => {
  it('serves pages, folder indexes, and redirects a folder without its slash', async () => {
    expect(await get('/base/')).toMatchObject({ status: 200, body: Buffer.from('<h1>home</h1>') });
    expect(await get('/base/sub/?q=%E5%B7%A5')).toMatchObject({ status: 200, body: Buffer.from('<h1>sub</h1>') });
    expect((await get('/base/')).headers['content-type']).toBe('text/html; charset=utf-8');
    expect(await get('/base/sub')).toMatchObject({ status: 301, headers: { location: '/base/sub/' } });
  });

  it('answers a missing page, or a path outside the base, with 404.html and status 404', async () => {
    for (const path of ['/base/no-such-page/', '/base/sub/missing.txt', '/', '/other/', '/base']) {
      expect(await get(path), path).toMatchObject({ status: 404, body: Buffer.from('<h1>not found</h1>') });
    }
  });

  it('sends a .gz file as the gzip file it is, not as gzip-encoded JSON', async () => {
    const answer = await get('/base/block.json.gz');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers['content-type']).toBe('application/gzip');
    expect(answer.body.equals(GZIPPED)).toBe(true);
  });

  it('sends no cache validators, so a repeated request transfers the file again', async () => {
    const { headers } = await get('/base/');
    expect([headers.etag, headers['last-modified'], headers['cache-control']]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('requests that aim outside the root', () => {
  const hostile = () => [
    '/base/..%2fdist-other/secret.txt',
    '/base/..%2Fsecret.txt',
    '/base/%2e%2e/dist-other/secret.txt',
    '/base/%2E%2E%2Fdist-other%2Fsecret.txt',
    '/base/sub/%2e%2e/%2e%2e/secret.txt',
    '/base/..%5cdist-other%5csecret.txt',
    '/base/..\\dist-other\\secret.txt',
    '/base/../dist-other/secret.txt',
    '/base/../secret.txt',
    '/base/..',
    `/base/${encodeURIComponent(join(dir, 'secret.txt'))}`,
    `/base/${join(dir, 'dist-other', 'secret.txt')}`,
    `/base//${join(dir, 'secret.txt')}`,
    '/base/.hidden',
    '/base/%2ehidden',
    '/base/%',
    '/base/%zz/secret.txt',
    '/base/%E5%B7',
    '/base/secret.txt%00.html',
  ];

  it('never get a file from outside the root, and each gets an error status', async () => {
    for (const path of hostile()) {
      const answer = await get(path);
      expect(answer.body.toString(), path).not.toContain(SECRET);
      expect([400, 403, 404], `${path}: ${answer.status}`).toContain(answer.status);
    }
  });

  it('name the errors: a malformed escape is 400, a `..` that leaves the root 403', async () => {
    expect((await get('/base/%')).status).toBe(400);
    expect((await get('/base/%E5%B7')).status).toBe(400);
    expect((await get('/base/..%2fdist-other/secret.txt')).status).toBe(403);
    expect((await get('/base/%2e%2e/secret.txt')).status).toBe(403);
  });

  it('leave the server answering', async () => {
    await Promise.all(hostile().map(get));
    expect((await get('/base/')).status).toBe(200);
  });
});
