#!/usr/bin/env node
/*
 * Generates the reader corpus in tests/fixtures/reader/ (SPEC §2 "Reading the package" and
 * "Limits"): one small .xlsx per cell form, package form and limit, each written here as raw
 * package parts so that the form is exactly the one under test, and beside it
 * `<name>.expected.json`: the grid the reader must return (cells by A1 address, merged areas,
 * defined names) or the refusal (`reason` and a word of the German message), WRITTEN BY HAND
 * below from the SPEC and the writers' documentation, not from the reader's output.
 * With LibreOffice installed, a few files are also re-saved by it (`lo-*.xlsx`): the same
 * grid, as a real spreadsheet application writes it.
 *
 * Deterministic (fixed zip timestamps). Usage: node scripts/make-reader-fixtures.js [--no-libreoffice]
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { zipSync, strToU8, deflateSync } = require('fflate');

const OUT = path.resolve(__dirname, '..', 'tests/fixtures/reader');
const MTIME = new Date(Date.UTC(2024, 3, 15, 8, 0, 0));
const WITH_LIBREOFFICE = !process.argv.includes('--no-libreoffice');

const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkg: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
};
const STRICT = {
  main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
};
const CT = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  sheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  chart: 'application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml',
  dialog: 'application/vnd.openxmlformats-officedocument.spreadsheetml.dialogsheet+xml',
  sst: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chartPart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * A package from a compact description. `sheets`: [{ name, xml, type?, state?, path? }];
 * options: dir (workbook folder), workbookName, sharedStrings (xml), sharedStringsName,
 * styles (xml), date1904, definedNames (xml), ns (namespaces), extra parts.
 */
function workbook(sheets, o = {}) {
  const ns = o.ns ?? NS;
  const dir = o.dir ?? 'xl';
  const wbName = o.workbookName ?? 'workbook.xml';
  const parts = {};
  const overrides = [[`/${dir}/${wbName}`, CT.workbook]];
  const rels = [];
  const sheetTags = sheets.map((s, i) => {
    const type = s.type ?? 'worksheet';
    const folder = { worksheet: 'worksheets', chartsheet: 'chartsheets', dialogsheet: 'dialogsheets' }[type];
    const target = s.path ?? `${folder}/sheet${i + 1}.xml`;
    parts[`${dir}/${target}`] = s.xml;
    overrides.push([`/${dir}/${target}`, { worksheet: CT.sheet, chartsheet: CT.chart, dialogsheet: CT.dialog }[type]]);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${ns.rel}/${type}" Target="${target}"/>`);
    return `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`;
  });
  if (o.sharedStrings !== undefined) {
    const name = o.sharedStringsName ?? 'sharedStrings.xml';
    parts[`${dir}/${name}`] = o.sharedStrings;
    overrides.push([`/${dir}/${name}`, CT.sst]);
    rels.push(`<Relationship Id="rIdS" Type="${ns.rel}/sharedStrings" Target="${name}"/>`);
  }
  if (o.styles !== undefined) {
    parts[`${dir}/styles.xml`] = o.styles;
    overrides.push([`/${dir}/styles.xml`, CT.styles]);
    rels.push(`<Relationship Id="rIdT" Type="${ns.rel}/styles" Target="styles.xml"/>`);
  }
  parts[`${dir}/${wbName}`] =
    `${XML}<workbook xmlns="${ns.main}" xmlns:r="${ns.rel}">` +
    (o.date1904 ? '<workbookPr date1904="1"/>' : '') +
    `<sheets>${sheetTags.join('')}</sheets>${o.definedNames ?? ''}</workbook>`;
  parts[`${dir}/_rels/${wbName}.rels`] = `${XML}<Relationships xmlns="${NS.pkg}">${rels.join('')}</Relationships>`;
  parts['_rels/.rels'] =
    `${XML}<Relationships xmlns="${NS.pkg}"><Relationship Id="rId1" Type="${ns.rel}/officeDocument" Target="${dir}/${wbName}"/></Relationships>`;
  parts['[Content_Types].xml'] =
    `${XML}<Types xmlns="${NS.ct}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join('') +
    '</Types>';
  Object.assign(parts, o.extra ?? {});
  return parts;
}

function sheetXml(body, o = {}) {
  return `${XML}<worksheet xmlns="${(o.ns ?? NS).main}" xmlns:r="${(o.ns ?? NS).rel}">${o.before ?? ''}<sheetData>${body}</sheetData>${o.after ?? ''}</worksheet>`;
}

function sst(items) {
  return `${XML}<sst xmlns="${NS.main}" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;
}

function zip(parts, names = (n) => n) {
  const out = {};
  for (const [name, data] of Object.entries(parts)) out[names(name)] = [typeof data === 'string' ? strToU8(data) : data, { mtime: MTIME, level: 6 }];
  return Buffer.from(zipSync(out));
}

/** A plain inline-string cell. */
const is = (ref, text) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const num = (ref, n, s) => `<c r="${ref}"${s !== undefined ? ` s="${s}"` : ''}><v>${n}</v></c>`;

/** The office sheet most entries use: header and two services (A1:C3). */
const OFFICE_ROWS =
  `<row r="1">${is('A1', 'LeiKa-Schlüssel')}${is('B1', 'Leistung')}${is('C1', 'Umsetzungsstatus 2024')}</row>` +
  `<row r="2">${is('A2', '99001001000000')}${is('B2', 'Hundesteuer')}${is('C2', 'PDF')}</row>` +
  `<row r="3">${is('A3', '99001002000000')}${is('B3', 'Abfallgebühr')}${is('C3', 'digital')}</row>`;
const OFFICE_CELLS = {
  A1: 'LeiKa-Schlüssel', B1: 'Leistung', C1: 'Umsetzungsstatus 2024',
  A2: '99001001000000', B2: 'Hundesteuer', C2: 'PDF',
  A3: '99001002000000', B3: 'Abfallgebühr', C3: 'digital',
};

const sheet = (name, cells, more = {}) => ({ name, visibility: 'visible', cells, merges: [], ...more });

const entries = [];
function add(name, parts, expected, o = {}) {
  entries.push({ name, bytes: Buffer.isBuffer(parts) ? parts : zip(parts, o.names), expected, libreoffice: o.libreoffice ?? 'compare' });
}

// ----- package forms --------------------------------------------------------------------

add(
  'shared-strings-case',
  workbook([{ name: 'Amt A', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>') }], {
    sharedStrings: sst(['<si><t>Leistung</t></si>', '<si><t>Status</t></si>']),
    sharedStringsName: 'SharedStrings.xml',
  }),
  { sheets: [sheet('Amt A', { A1: 'Leistung', B1: 'Status' })] },
);

add(
  'workbook-outside-xl',
  workbook([{ name: 'Amt A', xml: sheetXml(OFFICE_ROWS), path: 'tabellen/amt.xml' }], { dir: 'mappe', workbookName: 'haupt.xml' }),
  { sheets: [sheet('Amt A', OFFICE_CELLS)] },
);

add(
  'backslash-paths',
  workbook([{ name: 'Amt A', xml: sheetXml(OFFICE_ROWS) }]),
  { sheets: [sheet('Amt A', OFFICE_CELLS)] },
  { names: (n) => n.replace(/\//g, '\\'), libreoffice: 'skip: LibreOffice 7.4 finds no parts under backslashed names' },
);

add(
  'part-names-other-case',
  (() => {
    const parts = workbook([{ name: 'Amt A', xml: sheetXml(OFFICE_ROWS) }]);
    const renamed = {};
    for (const [k, v] of Object.entries(parts)) renamed[k.startsWith('xl/worksheets') ? k.replace('xl/worksheets/sheet1.xml', 'XL/Worksheets/Sheet1.XML') : k] = v;
    return renamed;
  })(),
  { sheets: [sheet('Amt A', OFFICE_CELLS)] },
  { libreoffice: 'skip: LibreOffice 7.4 compares part names case-sensitively' },
);

add(
  'strict-ooxml',
  workbook(
    [{ name: 'Amt A', xml: sheetXml(`<row r="1">${is('A1', 'Leistung')}<c r="B1" t="s"><v>0</v></c></row><row r="2"><c r="A2"><v>2024</v></c></row>`, { ns: STRICT }) }],
    { ns: STRICT, sharedStrings: sst(['<si><t>Stand</t></si>']).replace(NS.main, STRICT.main) },
  ),
  { sheets: [sheet('Amt A', { A1: 'Leistung', B1: 'Stand', A2: 2024 })] },
);

add(
  'prefixed-elements',
  workbook([
    {
      name: 'Amt A',
      xml: `${XML}<x:worksheet xmlns:x="${NS.main}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Leistung</x:t></x:is></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    },
  ]),
  { sheets: [sheet('Amt A', { A1: 'Leistung', B1: 7 })] },
);

add(
  'chart-and-dialog-sheets',
  workbook(
    [
      { name: 'Amt A', xml: sheetXml(OFFICE_ROWS) },
      { name: 'Diagramm', type: 'chartsheet', xml: `${XML}<chartsheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>` },
      { name: 'Dialog', type: 'dialogsheet', xml: `${XML}<dialogsheet xmlns="${NS.main}" xmlns:r="${NS.rel}"/>` },
    ],
  ),
  {
    sheets: [
      sheet('Amt A', OFFICE_CELLS),
      sheet('Diagramm', {}, { kind: 'chart' }),
      sheet('Dialog', {}, { kind: 'chart' }),
    ],
  },
  { libreoffice: 'skip: chart and dialog sheets have no cells to compare' },
);

add(
  'hidden-sheets-and-names',
  workbook(
    [
      { name: 'Amt &amp; Ordnung', xml: sheetXml(OFFICE_ROWS) },
      { name: 'Versteckt', state: 'hidden', xml: sheetXml(`<row r="1">${is('A1', 'x')}</row>`) },
      { name: 'Sehr versteckt', state: 'veryHidden', xml: sheetXml('') },
    ],
    { definedNames: `<definedNames><definedName name="LeiKaMonitor_Monitoring">'Amt &amp; Ordnung'!$A$1</definedName><definedName name="Lokal" localSheetId="0">'Amt &amp; Ordnung'!$B$2</definedName><definedName name="Bereich">'Amt &amp; Ordnung'!$A$1:$B$2</definedName></definedNames>` },
  ),
  {
    sheets: [sheet('Amt & Ordnung', OFFICE_CELLS), sheet('Versteckt', { A1: 'x' }, { visibility: 'hidden' }), sheet('Sehr versteckt', {}, { visibility: 'veryHidden' })],
    definedNames: [{ name: 'LeiKaMonitor_Monitoring', sheet: 'Amt & Ordnung', cell: 'A1' }],
  },

);

// ----- cell forms -------------------------------------------------------------------------

add(
  'rich-text-and-phonetic',
  workbook([{ name: 'Amt A', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>') }], {
    sharedStrings: sst([
      '<si><r><rPr><b/></rPr><t>Umsetzungs</t></r><r><t>status 2024</t></r></si>',
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si>',
      '<si><r><t xml:space="preserve">Bau </t></r><r><rPr><i/></rPr><t>&amp; Wohnen</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>',
    ]),
  }),
  { sheets: [sheet('Amt A', { A1: 'Umsetzungsstatus 2024', B1: '漢字', C1: 'Bau & Wohnen' })] },
);

add(
  'inline-strings',
  workbook([
    {
      name: 'Amt A',
      xml: sheetXml(
        '<row r="1">' +
          '<c r="A1" t="inlineStr"><is><t><![CDATA[Leistung & <Bezeichnung>]]></t></is></c>' +
          '<c r="B1" t="inlineStr"><v>Status</v><is><t>Status</t></is></c>' +
          '<c r="C1" t="inlineStr"><is><r><t>Stand </t></r><r><rPr><b/></rPr><t>2024</t></r></is></c>' +
          '<c r="D1" t="inlineStr"><is><t>Jahr</t><rPh sb="0" eb="1"><t>ネン</t></rPh></is></c>' +
          '<c r="E1" t="inlineStr"><is><t/></is></c>' +
          '</row>',
      ),
    },
  ]),
  { sheets: [sheet('Amt A', { A1: 'Leistung & <Bezeichnung>', B1: 'Status', C1: 'Stand 2024', D1: 'Jahr' })] },
);

add(
  'empty-values',
  workbook(
    [
      {
        name: 'Amt A',
        xml: sheetXml(
          '<row r="1"><c r="A1" t="s"><v/></c><c r="B1" t="s"><v>1</v></c><c r="C1"><v></v></c><c r="D1" t="str"><f>""</f><v></v></c><c r="E1" s="0"/></row>' +
            '<row r="2"><c r="A2" t="s"><v>0</v></c></row>',
        ),
      },
    ],
    { sharedStrings: sst(['<si><t>erster Text</t></si>', '<si><t>zweiter Text</t></si>']) },
  ),
  { sheets: [sheet('Amt A', { B1: 'zweiter Text', A2: 'erster Text' })] },
);

add(
  'value-types',
  workbook([
    {
      name: 'Amt A',
      xml: sheetXml(
        '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#N/A</v></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
          '<row r="2"><c r="A2" t="str"><f>"PD"&amp;"F"</f><v>PDF</v></c><c r="B2"><f>1+1</f><v>2</v></c><c r="C2"><v>-1.5E3</v></c><c r="D2"><v>99001001000000</v></c></row>' +
          '<row r="3"><c r="A3" t="d"><v>2024-03-31T00:00:00Z</v></c><c r="B3" t="d"><v>2023-12-01</v></c></row>',
      ),
    },
  ]),
  {
    sheets: [
      sheet('Amt A', {
        A1: true, B1: false, C1: { kind: 'error', code: '#N/A' }, D1: { kind: 'error', code: '#DIV/0!' },
        A2: 'PDF', B2: 2, C2: -1500, D2: 99001001000000,
        A3: '2024-03-31', B3: '2023-12-01',
      }),
    ],
  },
);

add(
  'escapes-and-entities',
  workbook([
    {
      name: 'Amt A',
      xml: sheetXml(
        `<row r="1">${is('A1', 'Umsetzungsstatus_x000D_\n2024')}${is('B1', '_x005F_x0041_')}${is('C1', 'Geb&#xFC;hr &#8364; &lt;5&gt;')}</row>`,
      ),
    },
  ]),
  { sheets: [sheet('Amt A', { A1: 'Umsetzungsstatus\r\n2024', B1: '_x0041_', C1: 'Gebühr € <5>' })] },
);

add(
  'positions-without-references',
  workbook([
    {
      name: 'Amt A',
      xml: sheetXml(`<row>${'<c t="inlineStr"><is><t>Leistung</t></is></c>'}<c><v>1</v></c></row><row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>`),
    },
  ]),
  { sheets: [sheet('Amt A', { A1: 'Leistung', B1: 1, C4: 3, D4: 4, A5: 5 })] },
);

const DATE_STYLES =
  `${XML}<styleSheet xmlns="${NS.main}"><numFmts count="4">` +
  '<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0 &quot;Tage&quot;"/>' +
  '<numFmt numFmtId="166" formatCode="[$-407]DD.MM.YYYY"/><numFmt numFmtId="167" formatCode="#,##0 [$€-407]"/></numFmts>' +
  '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
  '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="166" applyNumberFormat="1"/><xf numFmtId="167" applyNumberFormat="1"/></cellXfs></styleSheet>';

add(
  'dates-1900',
  workbook([{ name: 'Amt A', xml: sheetXml(`<row r="1">${num('A1', 45382, 1)}${num('B1', 45261.75, 2)}${num('C1', 45382, 3)}${num('D1', 45382, 4)}${num('E1', 45382, 5)}${num('F1', 45382, 0)}${num('G1', 1, 1)}</row>`) }], {
    styles: DATE_STYLES,
  }),
  { sheets: [sheet('Amt A', { A1: '2024-03-31', B1: '2023-12-01', C1: 45382, D1: '2024-03-31', E1: 45382, F1: 45382, G1: '1900-01-01' })] },
);

add(
  'dates-1904',
  workbook([{ name: 'Amt A', xml: sheetXml(`<row r="1">${num('A1', 43920, 1)}${num('B1', 0, 1)}${num('C1', 43920, 0)}</row>`) }], { styles: DATE_STYLES, date1904: true }),
  { sheets: [sheet('Amt A', { A1: '2024-03-31', B1: '1904-01-01', C1: 43920 })] },
);

// ----- limits (SPEC §2) -------------------------------------------------------------------

const refusal = (reason, word) => ({ refused: { reason, messageIncludes: word } });

add('heap-row-4000000000', workbook([{ name: 'Amt A', xml: sheetXml(`${OFFICE_ROWS}<row r="4000000000">${'<c r="A4000000000"><v>1</v></c>'}</row>`) }]), refusal('too-large', '4000000000'), { libreoffice: 'skip: refused' });

add(
  'heap-merge-whole-sheet',
  workbook([{ name: 'Amt A', xml: sheetXml(OFFICE_ROWS, { after: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>' }) }]),
  { sheets: [sheet('Amt A', OFFICE_CELLS, { merges: ['A1:C3'] })] },
  { libreoffice: 'compare' },
);

add(
  'heap-column-xfd',
  workbook([{ name: 'Amt A', xml: sheetXml(Array.from({ length: 60000 }, (_, r) => `<row r="${r + 1}"><c r="XFD${r + 1}"><v>${r + 1}</v></c></row>`).join('')) }]),
  { sheets: [sheet('Amt A', { XFD1: 1, XFD30000: 30000, XFD60000: 60000 }, { cellCount: 60000 })] },
  { libreoffice: 'skip: 60,000 × 16,384 CSV fields' },
);

// the same far-out column under an office sheet's header: the rules walk only the cells that exist, not 16,384 per row
add(
  'heap-column-xfd-office',
  workbook([
    {
      name: 'Amt A',
      xml: sheetXml(
        Array.from({ length: 60000 }, (_, r) => {
          const own = r < 3 ? OFFICE_ROWS.split('</row>')[r].replace(/^<row r="\d+">/, '') : '';
          return `<row r="${r + 1}">${own}<c r="XFD${r + 1}"><v>${r + 1}</v></c></row>`;
        }).join(''),
      ),
    },
  ]),
  { sheets: [sheet('Amt A', { ...OFFICE_CELLS, XFD1: 1, XFD3: 3, XFD60000: 60000 }, { cellCount: 60000 + 9 })] },
  { libreoffice: 'skip: 60,000 × 16,384 CSV fields' },
);

add('limit-row-1048577', workbook([{ name: 'Amt A', xml: sheetXml('<row r="1048577"><c><v>1</v></c></row>') }]), refusal('too-large', '1048577'), { libreoffice: 'skip: refused' });

add(
  'limit-row-1048576',
  workbook([{ name: 'Amt A', xml: sheetXml('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>') }]),
  { sheets: [sheet('Amt A', { XFD1048576: 1 })] },
  { libreoffice: 'skip: 1,048,576 × 16,384 CSV fields' },
);

add('limit-column-xfe', workbook([{ name: 'Amt A', xml: sheetXml('<row r="1"><c r="XFE1"><v>1</v></c></row>') }]), refusal('too-large', 'XFE1'), { libreoffice: 'skip: refused' });

add('limit-dimension', workbook([{ name: 'Amt A', xml: sheetXml(OFFICE_ROWS, { before: '<dimension ref="A1:XFE2000000"/>' }) }]), refusal('too-large', 'XFE2000000'), { libreoffice: 'skip: refused' });

add(
  'limit-merge-beyond',
  workbook([{ name: 'Amt A', xml: sheetXml(OFFICE_ROWS, { after: '<mergeCells count="1"><mergeCell ref="A1:A1048577"/></mergeCells>' }) }]),
  refusal('too-large', 'A1048577'),
  { libreoffice: 'skip: refused' },
);

add(
  'limit-merged-cells',
  workbook([
    {
      name: 'Amt A',
      xml: sheetXml(`<row r="1">${is('A1', 'Titel')}</row>${Array.from({ length: 400 }, (_, r) => `<row r="${r * 150 + 2}"><c r="XFD${r * 150 + 2}"><v>1</v></c></row>`).join('')}`, {
        after: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
      }),
    },
  ]),
  refusal('too-large', '5.000.000'),
  { libreoffice: 'skip: refused' },
);

add(
  'limit-cells',
  workbook([{ name: 'Amt A', xml: sheetXml(Array.from({ length: 5001 }, () => `<row>${'<c><v>1</v></c>'.repeat(1000)}</row>`).join('')) }]),
  refusal('too-large', '5.000.000'),
  { libreoffice: 'skip: refused' },
);

// a sheet part that unpacks to more than 512 MiB; its headers claim 80 bytes
add(
  'limit-unpacked',
  (() => {
    const parts = workbook([{ name: 'Amt A', xml: 'PLACEHOLDER' }]);
    const bomb = new Uint8Array(513 * 1024 * 1024).fill(32);
    bomb.set(strToU8(`<worksheet xmlns="${NS.main}"><sheetData>`));
    const files = {};
    for (const [k, v] of Object.entries(parts)) files[k] = k === 'xl/worksheets/sheet1.xml' ? [bomb, { mtime: MTIME, level: 9 }] : [strToU8(v), { mtime: MTIME, level: 6 }];
    const bytes = Buffer.from(zipSync(files));
    return lieAboutSizes(bytes, 'xl/worksheets/sheet1.xml', 80);
  })(),
  refusal('too-large', '512 MiB'),
  { libreoffice: 'skip: refused' },
);

add('limit-overlapping-entries', overlapping(workbook([{ name: 'Amt A', xml: sheetXml(OFFICE_ROWS) }])), refusal('corrupt', 'überlappen'), { libreoffice: 'skip: refused' });

add('limit-doctype', workbook([{ name: 'Amt A', xml: `${XML}<!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet xmlns="${NS.main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>` }]), refusal('corrupt', 'beschädigt'), { libreoffice: 'skip: refused' });

/** Rewrites an entry's uncompressed size in its local and central headers (a zip bomb's lie). */
function lieAboutSizes(bytes, name, size) {
  const b = Buffer.from(bytes);
  for (let i = 0; i + 46 < b.length; i++) {
    const sig = b.readUInt32LE(i);
    if (sig === 0x04034b50 && b.toString('utf8', i + 30, i + 30 + b.readUInt16LE(i + 26)) === name) b.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50 && b.toString('utf8', i + 46, i + 46 + b.readUInt16LE(i + 28)) === name) b.writeUInt32LE(size, i + 24);
  }
  return b;
}

/** A zip whose second sheet entry points into the bytes of the first (overlapping entries). */
function overlapping(parts) {
  const bytes = zip({ ...parts, 'xl/worksheets/sheet2.xml': parts['xl/worksheets/sheet1.xml'] });
  const b = Buffer.from(bytes);
  let first = -1;
  for (let i = 0; i + 46 < b.length; i++) {
    if (b.readUInt32LE(i) !== 0x02014b50) continue;
    const name = b.toString('utf8', i + 46, i + 46 + b.readUInt16LE(i + 28));
    if (name === 'xl/worksheets/sheet1.xml') first = b.readUInt32LE(i + 42);
    if (name === 'xl/worksheets/sheet2.xml' && first >= 0) b.writeUInt32LE(first, i + 42);
  }
  return b;
}

// ----- write -----------------------------------------------------------------------------

fs.mkdirSync(OUT, { recursive: true });
for (const f of fs.readdirSync(OUT)) if (!f.startsWith('lo-')) fs.rmSync(path.join(OUT, f));
for (const e of entries) {
  fs.writeFileSync(path.join(OUT, `${e.name}.xlsx`), e.bytes);
  fs.writeFileSync(path.join(OUT, `${e.name}.expected.json`), `${JSON.stringify({ libreoffice: e.libreoffice, ...e.expected }, null, 2)}\n`);
}

// LibreOffice re-saves a few files: the same grid as a real spreadsheet application writes it
// (not value-types, inline-strings, hidden-sheets-and-names: LibreOffice 7.4 writes `t="d"` dates without a date format,
// drops an inline string that also has a <v>, saves a very hidden sheet as hidden, and reads a CR LF as one line break)
const RESAVE = ['rich-text-and-phonetic', 'dates-1900', 'dates-1904', 'empty-values', 'positions-without-references'];
if (WITH_LIBREOFFICE) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-lo-'));
  for (const name of RESAVE) {
    const src = path.join(tmp, `lo-${name}.xlsx`);
    fs.copyFileSync(path.join(OUT, `${name}.xlsx`), src);
    const outDir = path.join(tmp, 'out');
    execFileSync('soffice', [`-env:UserInstallation=file://${tmp}/profile`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, src], { stdio: 'ignore' });
    fs.copyFileSync(path.join(outDir, `lo-${name}.xlsx`), path.join(OUT, `lo-${name}.xlsx`));
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`${entries.length} Dateien in ${path.relative(process.cwd(), OUT)}`);
