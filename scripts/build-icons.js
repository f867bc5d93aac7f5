#!/usr/bin/env node
/**
 * Writes the add-in icons assets/icon-<size>.png (16, 32, 64, 80, 128): a blue rounded
 * square with three white columns (a bar chart). Pure Node (zlib), no image library.
 * Run: node scripts/build-icons.js
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [0x1f, 0x5a, 0x96, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function pixel(size, x, y) {
  const r = Math.max(2, Math.round(size * 0.18));
  // rounded square: outside the corner circles is transparent
  const cx = x < r ? r - 0.5 : x >= size - r ? size - r - 0.5 : x;
  const cy = y < r ? r - 0.5 : y >= size - r ? size - r - 0.5 : y;
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return CLEAR;
  // three columns of rising height, bottom-aligned on a baseline
  const margin = size * 0.2;
  const base = size - margin;
  const barW = (size - 2 * margin) / 5;
  const heights = [0.3, 0.5, 0.7];
  for (let i = 0; i < 3; i++) {
    const left = margin + i * 2 * barW;
    const top = base - heights[i] * size;
    if (x >= Math.floor(left) && x < Math.floor(left + barW) && y >= Math.floor(top) && y < Math.floor(base)) return WHITE;
  }
  return BLUE;
}

function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  let o = 0;
  for (let y = 0; y < size; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < size; x++) for (const v of pixel(size, x, y)) raw[o++] = v;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = path.join(__dirname, '..', 'assets');
fs.mkdirSync(dir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(dir, `icon-${size}.png`);
  fs.writeFileSync(file, png(size));
  console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
}
