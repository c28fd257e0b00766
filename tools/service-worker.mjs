// Writes sw.js into a build: public/sw.js with its BUILD filled in, the list of every file
// the app needs offline with its SHA-256, and the release's version (a hash of that list).
// Run as Trunk's last post_build step (TRUNK_STAGING_DIR) or on a directory:
// `node tools/service-worker.mjs dist`. Left out: the demo host page and embed.js (they
// belong to host pages), provider banks (cached when a page uses one) and the default bank's
// files: a first visit downloads only its own language's pack (src/core/bank/pack.rs), and
// the packs a page used are kept in the data cache (public/sw.js, `soc-readiness:keep`).
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('service-worker: give the build directory (or run as a Trunk hook)');
  process.exit(1);
}
const PLACEHOLDER = 'const BUILD = null; // BUILD: replaced by tools/service-worker.mjs';
const template = readFileSync(new URL('../public/sw.js', import.meta.url), 'utf8');
if (!template.includes(PLACEHOLDER)) {
  console.error('service-worker: public/sw.js has lost its BUILD placeholder');
  process.exit(1);
}

function walk(d) {
  return readdirSync(d).flatMap((f) => {
    const p = join(d, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const notForOffline = (rel) => rel === 'sw.js' || rel === 'embed.js' || rel.startsWith('demo/')
  || rel.startsWith('banks/');
const files = {};
for (const p of walk(dir).sort()) {
  const rel = relative(dir, p).split(sep).join('/');
  if (!notForOffline(rel)) files[rel] = createHash('sha256').update(readFileSync(p)).digest('hex');
}
// The UI's words of both languages are in the release (the app cannot start without its
// language's, offline included; 9 KB for the two).
for (const needed of ['index.html', 'boot.js', 'text/ui.en.json', 'text/ui.zh.json']) {
  if (!files[needed]) {
    console.error(`service-worker: ${needed} is missing from ${dir}`);
    process.exit(1);
  }
}
const version = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 16);
const build = `const BUILD = ${JSON.stringify({ version, files })};`;
// The browser fetches sw.js at every visit to look for a new release: the comments (whole
// lines starting with //) stay in public/sw.js.
const code = template.replace(PLACEHOLDER, build).split('\n').filter((l) => !/^\s*\/\//.test(l)).join('\n');
writeFileSync(join(dir, 'sw.js'), code);
console.log(`service-worker: release ${version}, ${Object.keys(files).length} files for offline use`);
