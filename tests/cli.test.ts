import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/* The CLI as a user runs it: `node dist-node/cli/main.js` (npm test builds it first). */
const MAIN = join(__dirname, '..', 'dist-node', 'cli', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'leika-cli-'));

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function writeWorkbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

let sample: string;
beforeAll(async () => {
  sample = await writeWorkbook('sample.xlsx', (wb) => {
    wb.addWorksheet('Anleitung').addRow(['So füllen Sie die Übersicht aus …']);
    const a = wb.addWorksheet('Ordnungsamt');
    a.addRow(['Digitalisierungsübersicht Ordnungsamt']);
    a.addRow(['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2023', 'Umsetzungsstatus 2024']);
    a.addRow(['99001001000000', 'Abfallgebühr', 'Papier', 'PDF-Formular']);
    a.addRow(['99001002000000', '=HYPERLINK("x")', 'online', 'online']);
    a.addRow(['nicht im LeiKa', 'Sondernutzung', 'in Planung', 'Digitla']);
    const b = wb.addWorksheet('Jugendamt');
    b.addRow(['Jahr', 'LeiKa-Nr.', 'Leistung', 'Status']);
    b.addRow([2024, '99001001000000', 'Abfallgebühr', 'nicht zuständig']);
    b.addRow([2024, '99001003000000', 'Elterngeld', 'analog']);
  });
});

describe('command line (SPEC §6)', () => {
  it('prints one JSON document with every year and all seven keys', () => {
    const r = cli(sample, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.years).toEqual([2023, 2024]);
    expect(json.reportYear).toBe(2024);
    expect(json.clusters).toEqual(['Analog', 'Kein Optimierungspotenzial', 'PDF', 'Digital', 'Projekt in Umsetzung']);
    expect(json.total['2023']).toEqual({ Analog: 1, 'Kein Optimierungspotenzial': 0, PDF: 0, Digital: 1, 'Projekt in Umsetzung': 1, 'Nicht zugeordnet': 0, 'Alle Dienstleistungen': 3 });
    expect(json.total['2024']).toEqual({ Analog: 1, 'Kein Optimierungspotenzial': 0, PDF: 1, Digital: 1, 'Projekt in Umsetzung': 0, 'Nicht zugeordnet': 1, 'Alle Dienstleistungen': 4 });
    expect(json.offices.map((o: { office: string; counts: Record<string, unknown> }) => [o.office, Object.keys(o.counts)])).toEqual([
      ['Ordnungsamt', ['2023', '2024']],
      ['Jugendamt', ['2023', '2024']],
    ]);
    expect(json.findings.map((f: { code: string; sheet: string; cell: string }) => `${f.code} ${f.sheet}!${f.cell}`)).toEqual([
      'NO_KEY Ordnungsamt!A5',
      'UNKNOWN_STATUS Ordnungsamt!D5',
      'EXCLUDED Jugendamt!D2',
    ]);
    expect(json.findings[1].suggestion).toBe('Digital');
    expect(json.skippedSheets).toEqual([{ sheet: 'Anleitung', reason: expect.stringContaining('keine Kopfzeile') }]);
  });

  it('prints the Monitoring table aligned, and a findings summary', () => {
    const r = cli(sample);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Umsetzungsstatus\s+2023\s+2024$/m);
    expect(r.stdout).toMatch(/^Alle Dienstleistungen\s+3\s+4$/m);
    expect(r.stdout).toMatch(/^Nicht zugeordnet\s+0\s+1$/m);
    expect(r.stdout).toContain('Prüfhinweise: 3');
  });

  it('honours --year', () => {
    const json = JSON.parse(cli(sample, '--json', '--year', '2025').stdout);
    expect(json.reportYear).toBe(2025);
  });

  it.each([
    ['a missing file', () => [join(dir, 'fehlt.xlsx')], /nicht gefunden/],
    ['a text file', () => [writeText('notiz.xlsx', 'kein Excel')], /keine Excel-Arbeitsmappe/],
    ['a legacy .xls', () => [writeBytes('alt.xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])], /\.xls/],
    ['a truncated workbook', () => [truncated()], /beschädigt/],
    ['no office sheet', () => [noOffice], /Keine Amtsblätter/],
    ['a bad year', () => [sample, '--year', 'zwanzig'], /--year/],
    ['no file at all', () => [], /Keine Arbeitsmappe/],
    ['an unknown option', () => [sample, '--jsn'], /Aufruf/],
  ])('exits 2 with one line for %s', (_label, args, message) => {
    const r = cli(...args());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('refuses --out equal to the input and leaves it untouched', () => {
    const copy = join(dir, 'kopie.xlsx');
    copyFileSync(sample, copy);
    const before = readFileSync(copy);
    const r = cli(copy, '--out', copy);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Eingabedatei/);
    expect(readFileSync(copy).equals(before)).toBe(true);
  });
});

let noOffice: string;
beforeAll(async () => {
  noOffice = await writeWorkbook('leer.xlsx', (wb) => wb.addWorksheet('Notizen').addRow(['nichts']));
});

function writeText(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function writeBytes(name: string, bytes: number[]): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(bytes));
  return path;
}

function truncated(): string {
  const bytes = readFileSync(sample);
  const path = join(dir, 'kaputt.xlsx');
  writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  return path;
}

describe('--out (SPEC §5)', () => {
  async function cells(path: string): Promise<Map<string, unknown[][]>> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheets = new Map<string, unknown[][]>();
    wb.eachSheet((ws) => {
      const rows: unknown[][] = [];
      ws.eachRow({ includeEmpty: true }, (row) => rows.push(Array.isArray(row.values) ? row.values.slice(1) : []));
      sheets.set(ws.name, rows);
    });
    return sheets;
  }

  it('leaves the input byte-identical and writes the output sheets with the JSON totals, no formulas', async () => {
    const before = readFileSync(sample);
    const out = join(dir, 'bericht.xlsx');
    const r = cli(sample, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(out);
    expect(readFileSync(sample).equals(before)).toBe(true);

    const json = JSON.parse(cli(sample, '--json').stdout);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Monitoring', 'Prüfhinweise', 'Gesamtliste']));
    const monitoring = wb.getWorksheet('Monitoring')!;
    let header: ExcelJS.Row | undefined;
    monitoring.eachRow((row) => {
      if (!header && row.getCell(1).value === 'Umsetzungsstatus') header = row;
    });
    expect(header).toBeDefined();
    const years = [2, 3].map((c) => String(header!.getCell(c).value));
    expect(years).toEqual(['2023', '2024']);
    for (let r = header!.number + 1; ; r++) {
      const label = monitoring.getRow(r).getCell(1).value;
      if (typeof label !== 'string' || label === '') break;
      years.forEach((y, i) => expect([label, y, monitoring.getRow(r).getCell(2 + i).value]).toEqual([label, y, json.total[y][label]]));
      if (label === 'Alle Dienstleistungen') break;
    }
    // the service named "=HYPERLINK(…)" stays text in Gesamtliste
    const names: unknown[] = [];
    wb.getWorksheet('Gesamtliste')!.eachRow((row) => names.push(row.getCell(4).value));
    expect(names).toContain('=HYPERLINK("x")');
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => expect(c.formula).toBeUndefined()));
  });

  it('gives the same sheets when run twice, apart from the evaluation date', async () => {
    const a = join(dir, 'lauf1.xlsx');
    const b = join(dir, 'lauf2.xlsx');
    expect(cli(sample, '--out', a).code).toBe(0);
    expect(cli(sample, '--out', b).code).toBe(0);
    const [first, second] = [await cells(a), await cells(b)];
    expect([...second.keys()]).toEqual([...first.keys()]);
    const withoutDate = (rows: unknown[][]): string => JSON.stringify(rows).replace(/\d{2}\.\d{2}\.\d{4}/g, 'DATUM');
    for (const [name, rows] of first) expect(withoutDate(second.get(name)!)).toBe(withoutDate(rows));
  });
});
