// Draws the app's icons (public/icons/icon-192.png and icon-512.png): a white check mark on
// the brand blue (style/main.css --brand), full-bleed, the mark inside the central 60% so
// the same files serve as maskable icons. No image library: pixels, then PNG (zlib).
// Run once after a design change: `node tools/make-icons.mjs`; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BRAND = [0x0b, 0x5c, 0xad];
// The check mark as a thick polyline, in units of the icon's side.
const MARK = [[0.3, 0.52], [0.44, 0.66], [0.71, 0.37]];
const WIDTH = 0.09;

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
function coverage(x, y, size) {
  const SS = 4; // 4×4 samples a pixel: smooth edges
  let inside = 0;
  for (let i = 0; i < SS; i++) for (let j = 0; j < SS; j++) {
    const px = (x + (i + 0.5) / SS) / size, py = (y + (j + 0.5) / SS) / size;
    const d = Math.min(distToSegment(px, py, MARK[0], MARK[1]), distToSegment(px, py, MARK[1], MARK[2]));
    if (d <= WIDTH / 2) inside++;
  }
  return inside / (SS * SS);
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size) {
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3);
    for (let x = 0; x < size; x++) {
      const a = coverage(x, y, size);
      for (let c = 0; c < 3; c++) rows[row + 1 + x * 3 + c] = Math.round(BRAND[c] * (1 - a) + 255 * a);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
for (const size of [192, 512]) {
  writeFileSync(new URL(`../public/icons/icon-${size}.png`, import.meta.url), png(size));
}
