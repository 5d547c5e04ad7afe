/**
 * A minimal static file server for a built site under its base path, on 127.0.0.1 (as GitHub Pages
 * would serve it: directories map to index.html, unknown paths get 404.html with status 404).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  origin: string;
  /** Bytes sent per request path since the last reset (for transfer budgets). */
  sent: Map<string, number>;
  close(): Promise<void>;
}

export async function serveStatic(root: string, base: string): Promise<StaticServer> {
  const sent = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file: string | undefined;
    if (pathname.startsWith(base)) {
      const candidate = normalize(join(root, pathname.slice(base.length)));
      if (candidate.startsWith(root)) {
        if (existsSync(candidate) && statSync(candidate).isDirectory()) file = join(candidate, 'index.html');
        else file = candidate;
      }
    }
    const found = file !== undefined && existsSync(file) && statSync(file).isFile();
    const path = found ? file! : join(root, '404.html');
    response.writeHead(found ? 200 : 404, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
    const stream = createReadStream(path);
    stream.on('data', (chunk) => sent.set(pathname, (sent.get(pathname) ?? 0) + chunk.length));
    stream.pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    sent,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
