// Trunk post_build hook: moves Trunk's inline start-up <script type="module"> into its own
// file (start-<hash>.js) so the page needs no 'unsafe-inline' and a strict CSP holds.
// Trunk has no option for this (trunk-rs/trunk issue #288). Fails the build if any inline
// script is left, so a Trunk upgrade that changes the markup cannot silently weaken the CSP.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('externalize-loader: TRUNK_STAGING_DIR is not set (run as a Trunk hook)');
  process.exit(1);
}
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const inline = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
let moved = 0;
html = html.replace(inline, (whole, attrs, body) => {
  if (/\bsrc\s*=/.test(attrs)) return whole; // already external
  if (!body.trim()) return '';
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const name = `start-${hash}.js`;
  writeFileSync(join(dir, name), body.trim() + '\n');
  moved += 1;
  const type = /type\s*=\s*"module"/.test(attrs) ? ' type="module"' : '';
  return `<script${type} src="./${name}"></script>`;
});
// A build-time nonce is no protection (trunk issue #853); drop it.
html = html.replace(/\snonce="[^"]*"/g, '');
const left = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
  (m) => !/\bsrc\s*=/.test(m[1]) && m[2].trim(),
);
if (left.length) {
  console.error('externalize-loader: inline scripts remain in index.html');
  process.exit(1);
}
writeFileSync(file, html);
console.log(`externalize-loader: moved ${moved} inline script(s) to files`);
