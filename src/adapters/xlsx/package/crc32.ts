/*
 * CRC-32 of zip entries, sliced by 8 bytes: four times faster than a byte-wise one. The reader
 * checks inflated entries with it; the writer computes it for the entries it deflates itself.
 */

/** CRC-32 (zip's polynomial) tables for slicing by 8 bytes. */
const CRC_TABLE = ((): Int32Array => {
  const t = new Int32Array(256 * 8);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    t[i] = c;
  }
  for (let i = 0; i < 256; i++) for (let s = 1; s < 8; s++) {
    const prev = t[(s - 1) * 256 + i] ?? 0;
    t[s * 256 + i] = (prev >>> 8) ^ (t[prev & 255] ?? 0);
  }
  return t;
})();

/** Continues a running CRC-32 (start with -1; the checksum is `~running >>> 0`). */
export function crc32Update(running: number, d: Uint8Array): number {
  const t = CRC_TABLE;
  let c = running;
  let i = 0;
  const n = d.length;
  for (; i + 8 <= n; i += 8) {
    const a = ((d[i] as number) | ((d[i + 1] as number) << 8) | ((d[i + 2] as number) << 16) | ((d[i + 3] as number) << 24)) ^ c;
    const b = (d[i + 4] as number) | ((d[i + 5] as number) << 8) | ((d[i + 6] as number) << 16) | ((d[i + 7] as number) << 24);
    c =
      (t[1792 + (a & 255)] as number) ^
      (t[1536 + ((a >>> 8) & 255)] as number) ^
      (t[1280 + ((a >>> 16) & 255)] as number) ^
      (t[1024 + (a >>> 24)] as number) ^
      (t[768 + (b & 255)] as number) ^
      (t[512 + ((b >>> 8) & 255)] as number) ^
      (t[256 + ((b >>> 16) & 255)] as number) ^
      (t[b >>> 24] as number);
  }
  for (; i < n; i++) c = (t[(c ^ (d[i] as number)) & 255] as number) ^ (c >>> 8);
  return c;
}
