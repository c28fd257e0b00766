// Size report of the release bundle in dist/: every wasm, JS, CSS and HTML file, raw, gzip -9
// and brotli -q 11 (Node's zlib, same algorithms as the CLIs). Fails above the budget in
// tools/size-budget.json. Provider banks are optional downloads (not listed); the demo page and
// embed.js belong to host pages, so they are listed but not counted.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] || 'dist';
const budget = JSON.parse(readFileSync(new URL('./size-budget.json', import.meta.url))).brotli_total_max;
const kinds = new Set(['.wasm', '.js', '.css', '.html']);

function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
function sizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}
// The app's own first load; the demo host page and the host-side loader are not part of it.
const notApp = (rel) => rel.startsWith('demo/') || rel === 'embed.js';
const files = walk(dist).filter((f) => kinds.has(extname(f))).sort();
const all = files.map((f) => ({ file: f.slice(dist.length + 1), ...sizes(readFileSync(f)) }));
const rows = all.filter((r) => !notApp(r.file));
const extra = all.filter((r) => notApp(r.file));
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log('\nSize report (dist/, bytes as KiB)');
console.log(`${'file'.padEnd(44)}${'raw'.padStart(8)}${'gzip'.padStart(8)}${'brotli'.padStart(8)}`);
for (const r of rows) console.log(`${r.file.padEnd(44)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
console.log(`${'total transfer'.padEnd(44)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}`);
for (const r of extra) console.log(`${('(not counted) ' + r.file).padEnd(44)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
const ok = total.brotli <= budget;
console.log(`size budget: brotli ${total.brotli} B of ${budget} B (${((100 * total.brotli) / budget).toFixed(0)}%): ${ok ? 'within budget' : 'OVER BUDGET'}`);
process.exit(ok ? 0 : 1);
