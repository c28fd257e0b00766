// Where a wasm's bytes go: code by crate (from the name section of a build that keeps
// function names: tools/bench/profile-build.sh) and the data segments, raw and brotli.
//   node tools/bench/wasm-sizes.mjs target/profile-dist/soc-readiness-*_bg.wasm [TOP]
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const file = process.argv[2];
const top = Number(process.argv[3] ?? 40);
const buf = readFileSync(file);
let pos = 8;
function leb() { let r = 0, s = 0, b; do { b = buf[pos++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; }
const sections = [];
let importedFuncs = 0;
const bodies = [];
const names = new Map();
let dataBytes = [];
while (pos < buf.length) {
  const id = buf[pos++]; const size = leb(); const start = pos; const end = pos + size;
  let name = String(id);
  if (id === 0) { const n = leb(); name = buf.subarray(pos, pos + n).toString(); pos += n;
    if (name === 'name') { while (pos < end) { const sid = buf[pos++]; const ssz = leb(); const sEnd = pos + ssz;
      if (sid === 1) { const count = leb(); for (let i = 0; i < count; i++) { const idx = leb(); const l = leb(); names.set(idx, buf.subarray(pos, pos + l).toString()); pos += l; } }
      pos = sEnd; } } }
  else if (id === 2) { const count = leb(); for (let i = 0; i < count; i++) { let l = leb(); pos += l; l = leb(); pos += l; const kind = buf[pos++];
      if (kind === 0) { leb(); importedFuncs++; } else if (kind === 1) { pos++; const f = buf[pos++]; leb(); if (f & 1) leb(); } else if (kind === 2) { const f = buf[pos++]; leb(); if (f & 1) leb(); } else if (kind === 3) { pos += 2; } } }
  else if (id === 10) { const count = leb(); for (let i = 0; i < count; i++) { const l = leb(); bodies.push({ idx: importedFuncs + i, size: l, start: pos }); pos += l; } }
  else if (id === 11) { const count = leb(); for (let i = 0; i < count; i++) { const flag = leb(); if (flag === 2) leb(); if (flag !== 1) { while (buf[pos] !== 0x0b) pos++; pos++; } const l = leb(); dataBytes.push(buf.subarray(pos, pos + l)); pos += l; } }
  sections.push({ id, name, size });
  pos = end;
}
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const data = Buffer.concat(dataBytes);
console.log('sections:', sections.map((s) => `${s.name}:${s.size}`).join(' '));
console.log(`data segments: ${data.length} B raw, ${br(data)} B brotli`);
function crate(n) {
  // Demangled Rust paths ("<leptos::x as y>::f", "reactive_graph::a::b") or mangled ones.
  let s = n.replace(/^_ZN/, '').replace(/^[<&\s]+/, '').replace(/^(dyn |impl |mut )/, '');
  const m = s.match(/^\d+([A-Za-z_][A-Za-z0-9_]*)/) || s.match(/^([A-Za-z_][A-Za-z0-9_]*)/);
  return m ? m[1] : n.slice(0, 20);
}
const byCrate = new Map();
const codeBufs = new Map();
for (const b of bodies) { const n = names.get(b.idx) ?? `f${b.idx}`; const c = crate(n);
  const e = byCrate.get(c) ?? { raw: 0, count: 0 }; e.raw += b.size; e.count++; byCrate.set(c, e);
  if (!codeBufs.has(c)) codeBufs.set(c, []); codeBufs.get(c).push(buf.subarray(b.start, b.start + b.size)); }
const total = bodies.reduce((a, b) => a + b.size, 0);
console.log(`code: ${total} B raw in ${bodies.length} functions, ${br(Buffer.concat(bodies.map((b) => buf.subarray(b.start, b.start + b.size))))} B brotli`);
console.log('\ncrate                      raw     brotli(alone) functions');
for (const [c, e] of [...byCrate].sort((a, b) => b[1].raw - a[1].raw).slice(0, 30))
  console.log(`${c.padEnd(24)} ${String(e.raw).padStart(8)} ${String(br(Buffer.concat(codeBufs.get(c)))).padStart(8)} ${String(e.count).padStart(6)}`);
console.log('\nlargest functions');
for (const b of [...bodies].sort((a, b) => b.size - a.size).slice(0, top))
  console.log(String(b.size).padStart(7), (names.get(b.idx) ?? `f${b.idx}`).slice(0, 150));
