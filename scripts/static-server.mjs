// A small static file server for the built site, used by `npm start` and the end-to-end tests.
// It serves `root` under the URL prefix `base` (as a web server would for BASE_PATH builds),
// answers directory URLs with their index.html, and unknown paths with 404.html and status 404.
// Every response carries the security headers the build wrote to `_headers` (scripts/security.mjs).
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

/** Maps a URL path to a file under root, or null when it falls outside root or the base. */
function fileFor(root, base, urlPath) {
  if (!urlPath.startsWith(base)) return null;
  const relative = decodeURIComponent(urlPath.slice(base.length));
  const file = normalize(join(root, relative));
  if (file !== normalize(root) && !file.startsWith(normalize(root) + sep)) return null;
  return file;
}

async function readable(file) {
  try {
    const info = await stat(file);
    return info.isDirectory() ? readable(join(file, 'index.html')) : file;
  } catch {
    return null;
  }
}

/** The headers of `_headers` (written by the build, scripts/security.mjs) for every path. */
function readHeaders(root) {
  const file = join(root, '_headers');
  if (!existsSync(file)) throw new Error(`${file} is missing: build the site again (the build writes it).`);
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => /^\s+[\w-]+:/.test(line))
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

/**
 * Starts serving; resolves to { url, close } once listening.
 * @param {{ root: string, base?: string, port?: number, host?: string }} options
 */
export function startStaticServer({ root, base = '/', port = 0, host = '127.0.0.1' }) {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const security = readHeaders(root);
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    // Like most servers: /vpn-guide redirects to /vpn-guide/, and directories gain their slash.
    if (`${pathname}/` === prefix) {
      response.writeHead(301, { ...security, location: prefix }).end();
      return;
    }
    const candidate = fileFor(root, prefix, pathname);
    const file = candidate && (await readable(candidate));
    if (file && !pathname.endsWith('/') && !extname(pathname) && file.endsWith('index.html')) {
      response.writeHead(301, { ...security, location: `${pathname}/` }).end();
      return;
    }
    const status = file ? 200 : 404;
    const type = TYPES[extname(file ?? '404.html')] ?? 'application/octet-stream';
    let body = await readFile(file ?? join(root, '404.html')).catch(() => Buffer.from('Not found'));
    const headers = { ...security, 'content-type': type, 'cache-control': 'no-cache', vary: 'accept-encoding' };
    // Compress text like a production server would, so local measurements match.
    if (/text|javascript|json|svg|xml/.test(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        url: `http://${host}:${address.port}${prefix}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
