/**
 * A built site served under its base path on 127.0.0.1, for the browser tests and the benchmark, as
 * GitHub Pages serves it: a folder's URL gives its index.html (without the trailing slash, a redirect
 * to it), a path with no file gives 404.html with status 404.
 *
 * The files are sent by `send` (Express's static file sender), which decodes and confines paths: a
 * malformed escape answers 400, a `..` that would leave the root (`%2e%2e`, `..%2f` included) 403,
 * dotfiles are not served. No cache validators (ETag, Last-Modified) and no Cache-Control: a repeated
 * request transfers the file again, as the benchmark's transfer counts assume; nothing is compressed on
 * the fly, and a `.gz` file is sent as the gzip file it is (no Content-Encoding), as GitHub Pages does.
 * Transfer sizes are measured in the browser (the benchmark reads them from the DevTools protocol).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import send from 'send';

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

const FILES: send.SendOptions = { index: ['index.html'], etag: false, lastModified: false, cacheControl: false };

/** The site's 404 page, with status 404 (a plain 404 if the site has none). */
function sendNotFound(request: IncomingMessage, response: ServerResponse, root: string): void {
  response.statusCode = 404;
  send(request, '/404.html', { ...FILES, root })
    .on('error', () => response.end())
    .pipe(response);
}

/** A path under the base: its file, its folder's index, a redirect to the folder, or the 404 page. */
function sendFile(request: IncomingMessage, response: ServerResponse, root: string, pathname: string, base: string) {
  send(request, pathname.slice(base.length - 1), { ...FILES, root })
    .on('directory', () => {
      response.writeHead(301, { Location: `${pathname}/` }).end();
    })
    .on('error', (error: { status?: number }) => {
      // A read that fails midway can only cut the response short.
      if (response.headersSent) response.destroy();
      else if (error.status === 404) sendNotFound(request, response, root);
      else response.writeHead(error.status ?? 500).end();
    })
    .pipe(response);
}

/** `base` starts and ends with `/` (`/` alone for a site at the root). */
export async function serveStatic(root: string, base: string): Promise<StaticServer> {
  const server = createServer((request, response) => {
    // The raw path, still escaped: `send` decodes it (a WHATWG URL would resolve `%2e%2e` first).
    const pathname = (request.url ?? '/').replace(/[?#].*$/s, '');
    if (pathname.startsWith(base)) sendFile(request, response, root, pathname, base);
    else sendNotFound(request, response, root);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
