// Minimal static server for the browser tests: serves a directory on 127.0.0.1 with the
// right MIME types (application/wasm matters) and no caching. Usage: node serve.mjs DIR PORT
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] || 'dist');
const port = Number(process.argv[3] || 8081);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.toml': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://localhost');
    // /trust/readiness/… serves the same files: proves dist/ works from any sub-path.
    const pathname = url.pathname.replace(/^\/trust\/readiness\//, '/');
    let path = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
    // Test fixtures (e.g. a broken provider bank) are served from tests/e2e/fixtures.
    const fixtures = resolve(new URL('./fixtures', import.meta.url).pathname);
    let file = path.startsWith('/fixtures/') ? join(fixtures, path.slice('/fixtures/'.length)) : join(root, path);
    if (!file.startsWith(root) && !file.startsWith(fixtures)) throw new Error('outside root');
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));
