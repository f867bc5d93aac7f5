#!/usr/bin/env node
/*
 * Generates the hostile corpus in tests/fixtures/hostile/ (issue 9): zip bombs, XML attacks,
 * broken and disguised packages, and cells that try to act (escape sequences, bidi text,
 * formulas, DDE). Every file is small; what a file would unpack to is built from repeated
 * deflate data and never exists on disk. tests/hostile.test.ts states what the CLI must do
 * with each one (SPEC §2, §6).
 *
 * The zip packages are written by hand here, because the point is to produce what no zip
 * library would: entries that overlap, duplicate names, lying sizes, names like `../../x`.
 * Deterministic: fixed timestamps, fixed content.
 *
 * Usage: node scripts/make-hostile.js [--out <dir>]
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const ROOT = path.resolve(__dirname, '..');
const outAt = process.argv.indexOf('--out');
const OUT = outAt > 0 ? path.resolve(process.argv[outAt + 1]) : path.join(ROOT, 'tests/fixtures/hostile');

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
/** DOS date/time of every entry: 2024-04-15 08:00. */
const DOS_TIME = (8 << 11) | (0 << 5) | 0;
const DOS_DATE = ((2024 - 1980) << 9) | (4 << 5) | 15;

// ---------------------------------------------------------------------------------------
// A zip writer that does exactly what it is told.

/** Deflated data of `chunk` repeated `times` times, with `head` before and `tail` after (streamed: never all in memory). */
async function deflateRepeated(head, chunk, times, tail) {
  const deflate = zlib.createDeflateRaw({ level: 9, memLevel: 9 });
  const parts = [];
  deflate.on('data', (d) => parts.push(d));
  const finished = new Promise((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  const write = async (buf) => {
    crc = zlib.crc32(buf, crc);
    if (!deflate.write(buf)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(head);
  for (let i = 0; i < times; i++) await write(chunk);
  await write(tail);
  deflate.end();
  await finished;
  return { method: 8, data: Buffer.concat(parts), crc: crc >>> 0, size: head.length + chunk.length * times + tail.length };
}

/** A deflated entry of small data. */
function deflated(text) {
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  return { method: 8, data: zlib.deflateRawSync(buf, { level: 9 }), crc: zlib.crc32(buf) >>> 0, size: buf.length };
}

/** A stored (uncompressed) entry. */
function stored(text) {
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  return { method: 0, data: buf, crc: zlib.crc32(buf) >>> 0, size: buf.length };
}

/**
 * Writes a zip: `entries` is a list of { name, entry, at? , zip64Size? }. An item with `at`
 * set to the index of an earlier item gets no data of its own: its central directory record
 * points at that item's local header (overlapping entries). `zip64Size` declares that size
 * in a zip64 extra field instead of the real one.
 */
function zip(entries) {
  const chunks = [];
  let offset = 0;
  const offsets = [];
  const central = [];
  entries.forEach((item, i) => {
    const name = Buffer.from(item.name, 'utf8');
    const { method, data, crc, size } = item.entry;
    const declared = item.zip64Size ?? size;
    const zip64 = item.zip64Size !== undefined;
    if (item.at !== undefined) {
      offsets.push(offsets[item.at]);
    } else {
      offsets.push(offset);
      const extra = zip64 ? zip64Extra(declared, data.length) : Buffer.alloc(0);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      writeCommon(local, 4, { zip64, method, crc, compressed: data.length, declared, nameLength: name.length, extraLength: extra.length });
      chunks.push(local, name, extra, data);
      offset += local.length + name.length + extra.length + data.length;
    }
    const extra = zip64 ? zip64Extra(declared, data.length) : Buffer.alloc(0);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(zip64 ? 45 : 20, 4); // version made by
    writeCommon(record, 6, { zip64, method, crc, compressed: data.length, declared, nameLength: name.length, extraLength: extra.length });
    record.writeUInt32LE(offsets[i], 42);
    central.push(record, name, extra);
  });
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}

/** The fields a local header (from byte 4) and a central directory record (from byte 6) share. */
function writeCommon(buf, at, { zip64, method, crc, compressed, declared, nameLength, extraLength }) {
  buf.writeUInt16LE(zip64 ? 45 : 20, at); // version needed
  buf.writeUInt16LE(0x0800, at + 2); // UTF-8 names
  buf.writeUInt16LE(method, at + 4);
  buf.writeUInt16LE(DOS_TIME, at + 6);
  buf.writeUInt16LE(DOS_DATE, at + 8);
  buf.writeUInt32LE(crc, at + 10);
  buf.writeUInt32LE(zip64 ? 0xffffffff : compressed, at + 14);
  buf.writeUInt32LE(zip64 ? 0xffffffff : declared, at + 18);
  buf.writeUInt16LE(nameLength, at + 22);
  buf.writeUInt16LE(extraLength, at + 24);
}

function zip64Extra(size, compressed) {
  const extra = Buffer.alloc(20);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(16, 2);
  extra.writeBigUInt64LE(BigInt(size), 4);
  extra.writeBigUInt64LE(BigInt(compressed), 12);
  return extra;
}

// ---------------------------------------------------------------------------------------
// Package parts.

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function contentTypes(sheets, extra = '') {
  return (
    XML +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    extra +
    '</Types>'
  );
}

const ROOT_RELS =
  XML +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '</Relationships>';

function escapeXml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function workbook(sheetNames) {
  return (
    XML +
    `<workbook xmlns="${NS}" xmlns:r="${NS_R}"><sheets>` +
    sheetNames.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>'
  );
}

function workbookRels(count, sharedStrings = false) {
  let rels = '';
  for (let i = 0; i < count; i++) {
    rels += `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`;
  }
  if (sharedStrings) rels += `<Relationship Id="rId${count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`;
  return XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + rels + '</Relationships>';
}

/** A sheet of inline-string rows: `[['LeiKa-Schlüssel', …], …]`; a `{s: n}` cell is shared string n. */
function sheetXml(rows) {
  const cell = (v, r, c) => {
    const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
    if (v && typeof v === 'object') return `<c r="${ref}" t="s"><v>${v.s}</v></c>`;
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
  };
  const body = rows.map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(v, r, c)).join('')}</row>`).join('');
  return XML + `<worksheet xmlns="${NS}"><sheetData>${body}</sheetData></worksheet>`;
}

const HEADER = ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024'];
const SERVICES = [HEADER, ['99001001000000', 'Abfallgebühr', 'PDF'], ['99001002000000', 'Fundsachen', 'online']];

/** A small valid workbook with one office sheet per entry of `sheets` ({ name, rows }). */
function smallWorkbook(sheets, more = []) {
  return zip([
    { name: '[Content_Types].xml', entry: deflated(contentTypes(sheets)) },
    { name: '_rels/.rels', entry: deflated(ROOT_RELS) },
    { name: 'xl/workbook.xml', entry: deflated(workbook(sheets.map((s) => s.name))) },
    { name: 'xl/_rels/workbook.xml.rels', entry: deflated(workbookRels(sheets.length)) },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, entry: deflated(sheetXml(s.rows)) })),
    ...more,
  ]);
}

/** The standard parts of a one-sheet package, with `sheet` as the worksheet entry. */
function packageWith(sheet, sharedStrings) {
  return [
    { name: '[Content_Types].xml', entry: deflated(contentTypes([0])) },
    { name: '_rels/.rels', entry: deflated(ROOT_RELS) },
    { name: 'xl/workbook.xml', entry: deflated(workbook(['Bauamt'])) },
    { name: 'xl/_rels/workbook.xml.rels', entry: deflated(workbookRels(1, sharedStrings !== undefined)) },
    ...(sharedStrings !== undefined ? [{ name: 'xl/sharedStrings.xml', entry: deflated(sharedStrings) }] : []),
    { name: 'xl/worksheets/sheet1.xml', ...sheet },
  ];
}

// ---------------------------------------------------------------------------------------
// The corpus.

const SHEET_HEAD = Buffer.from(XML + `<worksheet xmlns="${NS}"><sheetData>`);
const SHEET_TAIL = Buffer.from('</sheetData></worksheet>');

function spacesStream(bytes) {
  return deflateRepeated(SHEET_HEAD, Buffer.alloc(MIB, 0x20), bytes / MIB, SHEET_TAIL);
}

const cases = {};

// Zip bombs: each would unpack to far more than SPEC §2's 512 MiB.
let oneGiBOfSpaces;
cases['bombe-1gib-leerzeichen.xlsx'] = async () => zip(packageWith({ entry: (oneGiBOfSpaces ??= await spacesStream(GIB)) }));
cases['bombe-17-mio-zeilen.xlsx'] = async () =>
  zip(packageWith({ entry: await deflateRepeated(SHEET_HEAD, Buffer.from('<row/>'.repeat(100_000)), 170, SHEET_TAIL) }));
// zip64 sizes declare 4.5 GiB; the data really unpacks to 1 GiB
cases['bombe-zip64-4-5gib.xlsx'] = async () => zip(packageWith({ entry: (oneGiBOfSpaces ??= await spacesStream(GIB)), zip64Size: 4.5 * GIB }));
cases['bombe-20-ueberlappende-eintraege.xlsx'] = async () => {
  oneGiBOfSpaces ??= await spacesStream(GIB);
  const names = Array.from({ length: 20 }, (_, i) => `Amt ${i + 1}`);
  const entries = [
    { name: '[Content_Types].xml', entry: deflated(contentTypes(names)) },
    { name: '_rels/.rels', entry: deflated(ROOT_RELS) },
    { name: 'xl/workbook.xml', entry: deflated(workbook(names)) },
    { name: 'xl/_rels/workbook.xml.rels', entry: deflated(workbookRels(names.length)) },
    { name: 'xl/worksheets/sheet1.xml', entry: oneGiBOfSpaces },
  ];
  // sheets 2…20: central directory records pointing at the local header of sheet 1
  for (let i = 2; i <= 20; i++) entries.push({ name: `xl/worksheets/sheet${i}.xml`, entry: oneGiBOfSpaces, at: 4 });
  return zip(entries);
};

// XML attacks.
const laughs =
  '<!DOCTYPE sst [<!ENTITY lol "lol">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('') +
  ']>';
cases['billion-laughs.xlsx'] = () =>
  zip(
    packageWith(
      { entry: deflated(sheetXml([HEADER, ['99001001000000', 'Abfallgebühr', { s: 0 }]])) },
      XML.trim() + laughs + `<sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>`,
    ),
  );
cases['externe-entitaet.xlsx'] = () =>
  zip(
    packageWith(
      { entry: deflated(sheetXml([HEADER, ['99001001000000', { s: 0 }, 'PDF']])) },
      XML.trim() + '<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + `<sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>&xxe;</t></si></sst>`,
    ),
  );

// Broken and disguised packages.
cases['pfad-traversal.xlsx'] = () =>
  smallWorkbook([{ name: 'Bauamt', rows: SERVICES }], [
    { name: '../../../../../../tmp/leika-hostile-traversal.txt', entry: deflated('pwned') },
    { name: '/tmp/leika-hostile-absolute.txt', entry: deflated('pwned') },
    { name: '..\\..\\..\\leika-hostile-backslash.txt', entry: deflated('pwned') },
  ]);
cases['doppelte-eintraege.xlsx'] = () =>
  smallWorkbook([{ name: 'Bauamt', rows: SERVICES }], [
    { name: 'xl/worksheets/sheet1.xml', entry: deflated(sheetXml([HEADER, ['99001001000000', 'Abfallgebühr', 'Digital']])) },
  ]);
cases['fehlende-arbeitsmappe.xlsx'] = () =>
  zip([
    { name: '[Content_Types].xml', entry: deflated(contentTypes([0])) },
    { name: '_rels/.rels', entry: deflated(ROOT_RELS) },
    { name: 'xl/worksheets/sheet1.xml', entry: deflated(sheetXml(SERVICES)) },
  ]);
cases['fehlendes-blatt.xlsx'] = () =>
  zip([
    { name: '[Content_Types].xml', entry: deflated(contentTypes([0])) },
    { name: '_rels/.rels', entry: deflated(ROOT_RELS) },
    { name: 'xl/workbook.xml', entry: deflated(workbook(['Bauamt'])) },
    { name: 'xl/_rels/workbook.xml.rels', entry: deflated(workbookRels(1)) },
  ]);
cases['verschluesselt.xlsx'] = () => {
  // an OLE2 compound file as Excel writes a password-protected workbook (the stream names in UTF-16)
  const head = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(head);
  return Buffer.concat([head, Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(50), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(446)]);
};
cases['altes-format.xls'] = () => {
  const head = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(head);
  Buffer.from('Workbook', 'utf16le').copy(head, 600);
  return head;
};
cases['libreoffice.ods'] = () =>
  zip([
    { name: 'mimetype', entry: stored('application/vnd.oasis.opendocument.spreadsheet') },
    { name: 'content.xml', entry: deflated(XML + '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>') },
    { name: 'META-INF/manifest.xml', entry: deflated(XML + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>') },
  ]);
cases['binaer.xlsb'] = () =>
  zip([
    { name: '[Content_Types].xml', entry: deflated(contentTypes([])) },
    { name: '_rels/.rels', entry: deflated(ROOT_RELS.replace('workbook.xml', 'workbook.bin')) },
    { name: 'xl/workbook.bin', entry: deflated(Buffer.from([0x83, 0x01, 0x00, 0x80, 0x01, 0x00])) },
  ]);
cases['csv-umbenannt.xlsx'] = () => Buffer.from('LeiKa-Schlüssel;Leistung;Umsetzungsstatus 2024\n99001001000000;Abfallgebühr;PDF\n', 'utf8');
cases['abgeschnitten.xlsx'] = () => {
  const whole = smallWorkbook([{ name: 'Bauamt', rows: SERVICES }]);
  return whole.subarray(0, Math.floor(whole.length * 0.6));
};
cases['leer.xlsx'] = () => Buffer.alloc(0);

// Cells that try to act.
cases['steuerzeichen-und-bidi.xlsx'] = () =>
  smallWorkbook([
    {
      name: 'Bauamt',
      rows: [
        HEADER,
        // the reader decodes Excel's _xHHHH_ escapes: ESC [2K ESC [1A … erases the printed table
        ['99001001000000', 'Baugenehmigung', '_x001B_[2K_x001B_[1A_x001B_[2KPrüfhinweise: keine_x0007_'],
        ['99001002000000', 'Abriss \u202egnudlemna', 'Zauberei\u2066'],
        ['99001003000000', '_x001B_]8;;https://example.org/_x001B_\\Link_x001B_]8;;_x001B_\\', 'PDF'],
      ],
    },
  ]);
cases['blattnamen.xlsx'] = () =>
  smallWorkbook([
    { name: "O'Briens Amt", rows: [...SERVICES, ['99001004000000', 'Gaststättenerlaubnis', 'Zauberei']] },
    { name: 'Amt [1]', rows: SERVICES },
    { name: '<script>alert(1)</script>', rows: [HEADER, ['99001003000000', 'Sondernutzung', 'Zauberei']] },
  ]);
cases['formeln-und-dde.xlsx'] = () =>
  smallWorkbook([
    {
      name: 'Ordnungsamt',
      rows: [
        [...HEADER, 'Bemerkung'],
        ['99001001000000', '=cmd|\' /C calc\'!A0', 'PDF', '=HYPERLINK("https://example.org","klick")'],
        ['99001002000000', '@SUM(1+1)*cmd|\' /C calc\'!A0', 'online', '+1+1'],
        ['99001003000000', '-2+3', '=1+1', 'DDE("cmd";"/C calc";"A1")'],
      ],
    },
  ]);

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  for (const [name, make] of Object.entries(cases)) {
    const bytes = await make();
    fs.writeFileSync(path.join(OUT, name), bytes);
    process.stdout.write(`${name.padEnd(40)} ${String(bytes.length).padStart(9)} Bytes\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
