// `make single`: the release build (dist/) as one self-contained page,
// dist-single/soc-readiness.html, that works from file:// and from any static host with no
// network at all. Inside it:
// - the CSS (main and print) as <style> elements;
// - the wasm (base64) and the default bank (JSON Lines) as data blocks, which never run;
// - one inline module: public/boot.js, wasm-bindgen's bindings (their `export`s dropped) and
//   a loader that instantiates the wasm from the bytes in the page.
// Its Content-Security-Policy is stricter than the hosted build's: nothing may be loaded
// from anywhere (default-src 'none', connect-src 'none'), the one script and the two style
// elements are allowed by their SHA-256 only, never 'unsafe-inline'. Fails if the page still
// refers to another file, so a Trunk upgrade cannot silently leave a dependency behind.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dist = process.argv[2] || 'dist';
const out = process.argv[3] || 'dist-single/soc-readiness.html';
const read = (f) => readFileSync(join(dist, f), 'utf8');
const fail = (msg) => {
  console.error(`single-file: ${msg}`);
  process.exit(1);
};
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const one = (text, re, what) => {
  const m = text.match(re);
  if (!m) fail(`${what} not found (run \`make build\` first)`);
  return m[1];
};

let html;
try {
  html = read('index.html');
} catch {
  fail(`${dist}/index.html is missing (run \`make build\` first)`);
}
// Trunk's start-up file (tools/externalize-loader.mjs) names the bindings and the wasm.
const start = read(one(html, /<script type="module" src="\.\/(start-[0-9a-f]+\.js)"><\/script>/, 'the start-up script'));
const glueFile = one(start, /from '\.\/([^']+\.js)'/, 'the bindings (in the start-up script)');
const wasmFile = one(start, /'\.\/([^']+_bg\.wasm)'/, 'the wasm (in the start-up script)');
const cssFile = one(html, /<link rel="stylesheet" href="\.\/(main-[0-9a-f]+\.css)"[^>]*>/, 'the main stylesheet');

// The bindings as plain module code: nothing imports from this page, so no export.
let glue = read(glueFile);
if (/^\s*import\s/m.test(glue)) fail(`${glueFile} imports another file (a wasm-bindgen snippet?)`);
glue = glue
  .replace(/^export\s*\{[^}]*\};?\s*$/gm, '')
  .replace(/^export default [\w$]+;?\s*$/gm, '')
  .replace(/^export (?=(async )?function|class|const|let|var)/gm, '');
if (/^export\b/m.test(glue)) fail(`${glueFile} has an export this tool does not know`);
if (!/async function __wbg_init\b/.test(glue)) fail(`${glueFile} has no __wbg_init`);

// Text in a <script> or <style> element ends at the first "</" of its closing tag: escape.
const noClose = (text, tag) => text.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1');
const bank = read('banks/default.jsonl').replace(/</g, '\\u003c'); // '<' is only ever in JSON strings
// The UI's words in both languages (src/ui_text.rs; the hosted app downloads one).
const uiText = (lang) => read(`text/ui.${lang}.json`).replace(/</g, '\\u003c');
const wasm = readFileSync(join(dist, wasmFile)).toString('base64');
const script = [
  read('boot.js'),
  glue,
  `// Start: the wasm from the page's data block, not from a URL.
{
  const text = document.getElementById('soc-wasm').textContent;
  const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  await __wbg_init({ module_or_path: bytes });
}`,
].map((s) => noClose(s, 'script')).join('\n');
const mainCss = noClose(read(cssFile), 'style');
const printCss = noClose(read('print.css'), 'style');
const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(mainCss)} ${sha256(printCss)}`,
  'img-src data:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

html = html
  .replace(/\s*<!--[\s\S]*?-->/g, '')
  .replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
  // Installable and offline are the hosted build's (a file needs neither).
  .replace(/\s*<link rel="manifest"[^>]*>/, '')
  .replace(/\s*<script src="boot\.js"[^>]*><\/script>/, '')
  .replace(/\s*<script type="module" src="\.\/start-[0-9a-f]+\.js"><\/script>/, '')
  .replace(/\s*<link rel="(modulepreload|preload)"[^>]*>/g, '')
  .replace(/<link rel="stylesheet" href="\.\/main-[0-9a-f]+\.css"[^>]*>/, () => `<style>${mainCss}</style>`)
  .replace(/<link rel="stylesheet" href="print\.css" media="print">/, () => `<style media="print">${printCss}</style>`)
  .replace('</body>', () => [
    `<script type="application/x-ndjson" id="soc-default-bank">${bank}</script>`,
    `<script type="application/json" id="soc-ui-text-en">${uiText('en')}</script>`,
    `<script type="application/json" id="soc-ui-text-zh">${uiText('zh')}</script>`,
    `<script type="application/octet-stream" id="soc-wasm">${wasm}</script>`,
    `<script type="module">${script}</script>`,
    '</body>',
  ].join('\n'));

// Nothing may point at another file: only data: URLs (the favicon) remain.
const refs = [...html.matchAll(/\s(?:src|href)\s*=\s*"([^"]*)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:'));
if (refs.length) fail(`the page still refers to other files: ${refs.join(', ')}`);
if (!html.includes('id="soc-default-bank"') || !html.includes('id="soc-wasm"')) fail('a data block is missing');
mkdirSync(join(out, '..'), { recursive: true });
writeFileSync(out, html);
console.log(`single-file: wrote ${out} (${html.length} bytes)`);
