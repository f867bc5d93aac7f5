import ExcelJS from 'exceljs';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, lstatSync, copyFileSync, linkSync, mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { runCli } from '../src/cli/run';
import { writeOutputSafely } from '../src/cli/safe-output';
import { readRegularFile } from '../src/cli/files';

/* Data safety of the command line (issue 9, SPEC §6): what a careless or hostile user can do to it. */
const MAIN = join(__dirname, '..', 'dist-node', 'cli', 'main.js');
const root = mkdtempSync(join(tmpdir(), 'leika-cli-safety-'));
chmodSync(root, 0o755);
let n = 0;

/** A fresh directory per test, so leftovers (temporary files) are visible. */
function freshDir(): string {
  const dir = join(root, `t${++n}`);
  mkdirSync(dir);
  chmodSync(dir, 0o777);
  return dir;
}

function cli(args: string[], options: SpawnSyncOptions = {}): { code: number | null; stdout: string; stderr: string; signal: NodeJS.Signals | null } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', timeout: 20_000, ...options });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr), signal: r.signal };
}

/** Exit 2, one German line, no stack trace, no English from Node. */
function expectRefusal(r: ReturnType<typeof cli>, message: RegExp): void {
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: expect.stringMatching(message) });
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^Fehler: /);
  expect(r.stderr).not.toMatch(/\bat .*\.js:\d+|Unknown option|argument missing|does not take|ENOENT|EACCES|no such file|permission denied/i);
}

let sampleBytes: Buffer;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Ordnungsamt');
  ws.addRow(['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024']);
  ws.addRow(['99001001000000', 'Abfallgebühr', 'PDF']);
  ws.addRow(['99001002000000', 'Fundsachen', 'online']);
  sampleBytes = Buffer.from(await wb.xlsx.writeBuffer());
});

function sample(dir: string, name = 'demo.xlsx'): string {
  const path = join(dir, name);
  writeFileSync(path, sampleBytes);
  return path;
}

/** What a case-insensitive file system (Windows, macOS) answers: any spelling of a name finds its entry. */
const caseInsensitiveFs = {
  stat: (p: string) => statSync(foldEntry(p), { bigint: true }),
  lstat: (p: string) => lstatSync(foldEntry(p), { bigint: true }),
};
function foldEntry(p: string): string {
  const wanted = basename(p).toLowerCase();
  const found = readdirSync(dirname(p)).find((e) => e.toLowerCase() === wanted);
  return join(dirname(p), found ?? basename(p));
}

describe('--out never replaces an input, the catalogue or an existing file (SPEC §6)', () => {
  it('refuses a hard link to the input, even with --force, and leaves the input as it was', () => {
    const dir = freshDir();
    const input = sample(dir);
    const link = join(dir, 'bericht.xlsx');
    linkSync(input, link);
    expectRefusal(cli([input, '--out', link, '--force']), /--out darf nicht die Eingabedatei sein/);
    expect(readFileSync(input).equals(sampleBytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['bericht.xlsx', 'demo.xlsx']);
  });

  it('refuses a symbolic link to the input', () => {
    const dir = freshDir();
    const input = sample(dir);
    const link = join(dir, 'verweis.xlsx');
    symlinkSync(input, link);
    expectRefusal(cli([input, '--out', link, '--force']), /Eingabedatei/);
    expect(readFileSync(input).equals(sampleBytes)).toBe(true);
  });

  it('refuses the catalogue file as --out', () => {
    const dir = freshDir();
    const input = sample(dir);
    const catalog = join(dir, 'katalog.csv');
    const csv = 'LeiKa-Schlüssel;Bezeichnung\n99001001000000;Abfallgebühr\n99001002000000;Fundsachen\n';
    writeFileSync(catalog, csv);
    expectRefusal(cli([input, '--catalog', catalog, '--out', catalog, '--force']), /--out darf nicht der LeiKa-Katalog sein/);
    expect(readFileSync(catalog, 'utf8')).toBe(csv);
  });

  it('refuses an existing file without --force and replaces it with --force', () => {
    const dir = freshDir();
    const input = sample(dir);
    const target = join(dir, 'bericht.xlsx');
    writeFileSync(target, 'Notizen, die niemand verlieren will');
    expectRefusal(cli([input, '--out', target]), /gibt es schon.*--force/);
    expect(readFileSync(target, 'utf8')).toBe('Notizen, die niemand verlieren will');
    const r = cli([input, '--out', target, '--force']);
    expect(r.code).toBe(0);
    expect(readFileSync(target).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(readdirSync(dir).sort()).toEqual(['bericht.xlsx', 'demo.xlsx']);
  });

  it('writes a new file without --force and leaves no temporary file behind', () => {
    const dir = freshDir();
    const input = sample(dir);
    expect(cli([input, '--out', join(dir, 'neu.xlsx')]).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['demo.xlsx', 'neu.xlsx']);
  });

  it('refuses a directory and a FIFO as --out, even with --force', () => {
    const dir = freshDir();
    const input = sample(dir);
    mkdirSync(join(dir, 'ordner.xlsx'));
    expectRefusal(cli([input, '--out', join(dir, 'ordner.xlsx'), '--force']), /keine gewöhnliche Datei/);
    spawnSync('mkfifo', [join(dir, 'pipe.xlsx')]);
    expectRefusal(cli([input, '--out', join(dir, 'pipe.xlsx'), '--force']), /keine gewöhnliche Datei/);
  });

  it('says the target is open when Excel or LibreOffice holds it', () => {
    const dir = freshDir();
    const input = sample(dir);
    const target = join(dir, 'bericht.xlsx');
    writeFileSync(target, 'alt');
    writeFileSync(join(dir, '~$bericht.xlsx'), '');
    expectRefusal(cli([input, '--out', target, '--force']), /bericht\.xlsx ist geöffnet – bitte schließen/);
    expect(readFileSync(target, 'utf8')).toBe('alt');
  });

  it('refuses the input named in another case on a case-insensitive file system', async () => {
    const dir = freshDir();
    const input = readRegularFile(sample(dir), 'input');
    await expect(writeOutputSafely(join(dir, 'DEMO.XLSX'), new Uint8Array([1]), { option: '--out', protect: [{ path: input.path, role: 'input', id: input.id }], force: true, fs: caseInsensitiveFs })).rejects.toThrow(
      /--out darf nicht die Eingabedatei sein/,
    );
    expect(readFileSync(input.path).equals(sampleBytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['demo.xlsx']);
  });

  it('refuses when it cannot tell whether the target is the input, instead of writing anyway', async () => {
    const dir = freshDir();
    const input = readRegularFile(sample(dir), 'input');
    const failing = {
      stat: (): never => {
        throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      },
      lstat: (p: string) => lstatSync(p, { bigint: true }),
    };
    await expect(writeOutputSafely(join(dir, 'bericht.xlsx'), new Uint8Array([1]), { option: '--out', protect: [{ path: input.path, role: 'input', id: input.id }], force: true, fs: failing })).rejects.toThrow(
      /--out .*bericht\.xlsx: es lässt sich nicht prüfen, ob das die Eingabedatei ist \(Lesefehler des Datenträgers\); nichts geschrieben\./,
    );
    expect(readdirSync(dir)).toEqual(['demo.xlsx']);
  });

  it('refuses two outputs that are one new file named in two cases where the directory ignores case', async () => {
    const dir = freshDir();
    await expect(
      writeOutputSafely(join(dir, 'Baustein.docx'), new Uint8Array([1]), { option: '--docx', protect: [{ path: join(dir, 'BAUSTEIN.DOCX'), role: 'output' }], force: false, fs: caseInsensitiveFs }),
    ).rejects.toThrow(/--docx darf nicht dieselbe Datei wie eine andere Ausgabe sein/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('inputs that are no regular, readable file end with exit 2 at once (SPEC §6)', () => {
  it('refuses a FIFO without waiting for a writer', () => {
    const dir = freshDir();
    const fifo = join(dir, 'pipe.xlsx');
    spawnSync('mkfifo', [fifo]);
    const r = cli([fifo], { timeout: 10_000 });
    expect(r.signal).toBeNull();
    expectRefusal(r, /keine gewöhnliche Datei/);
  });

  it('refuses a device', () => {
    const r = cli(['/dev/zero'], { timeout: 10_000 });
    expect(r.signal).toBeNull();
    expectRefusal(r, /keine gewöhnliche Datei/);
  });

  it('refuses a directory', () => {
    expectRefusal(cli([freshDir()]), /ist ein Ordner/);
  });

  it('refuses a file over the size limit without reading it', () => {
    const dir = freshDir();
    const big = join(dir, 'riesig.xlsx');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 2 ** 31 + 4096); // sparse: takes no disk space
    closeSync(fd);
    expectRefusal(cli([big]), /riesig\.xlsx ist mit 2 GiB zu groß \(höchstens 512 MiB\)/);
  });

  it('says in German that a file cannot be read', () => {
    const dir = freshDir();
    const input = sample(dir, 'gesperrt.xlsx');
    chmodSync(input, 0o000);
    // root reads any file: run the CLI as an ordinary user there
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    expectRefusal(cli([input], asUser), /Die Arbeitsmappe .*gesperrt\.xlsx kann nicht gelesen werden: keine Berechtigung\./);
  });

  it('says a missing catalogue is missing, in German', () => {
    const dir = freshDir();
    expectRefusal(cli([sample(dir), '--catalog', join(dir, 'fehlt.csv')]), /Der LeiKa-Katalog wurde nicht gefunden: .*fehlt\.csv/);
  });
});

describe('argument errors in German (SPEC §6)', () => {
  it.each([
    [['--jsn'], /Unbekannte Option --jsn\. Aufruf:/],
    [['-x'], /Unbekannte Option -x\./],
    [['--out'], /Die Option --out braucht einen Wert/],
    [['--out', '--json'], /Die Option --out braucht einen Wert/],
    [['--json=ja'], /Die Option --json nimmt keinen Wert an/],
    [['--year', '2024', '--year', '2023'], /Die Option --year ist mehrfach angegeben/],
  ])('%j', (args, message) => {
    const dir = freshDir();
    expectRefusal(cli([sample(dir), ...args]), message);
  });
});

describe('a defect of the product (exit 1)', () => {
  it('prints one German line naming the kind of error, not its English text', async () => {
    let stderr = '';
    const code = await runCli([join(freshDir(), 'x.xlsx'), '--help'].slice(1), {
      stdout: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      },
      stderr: (t) => (stderr += t),
      now: () => new Date(),
    });
    expect(code).toBe(1);
    expect(stderr).toBe('Fehler: Interner Fehler des LeiKa-Monitors (TypeError); die Auswertung wurde abgebrochen. Bitte melden Sie diesen Fall dem Amt für Digitalisierung.\n');
  });
});

describe('cells never act on the terminal or the network (SPEC §5, §6)', () => {
  const ESC = '\u001b';
  let input: string;
  let dir: string;
  beforeAll(async () => {
    dir = freshDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Bauamt');
    ws.addRow(['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024']);
    // the reader decodes Excel's _xHHHH_ escapes: this status is ESC [2K ESC [1A …
    ws.addRow(['99001001000000', 'Baugenehmigung', '_x001B_[2K_x001B_[1A_x001B_[2KPrüfhinweise: keine_x0007_']);
    ws.addRow(['99001002000000', 'Abriss \u202egnudlemna', 'Zauberei\u2066']);
    input = join(dir, 'bau.xlsx');
    await wb.xlsx.writeFile(input);
  });

  it('prints no control or bidi character taken from a cell, and still reports the findings', () => {
    const r = cli([input]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Prüfhinweise: 2');
    expect(r.stdout).toContain('[2K[1A[2KPrüfhinweise: keine');
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('keeps the characters in --json, escaped as JSON escapes them', () => {
    const r = cli([input, '--json']);
    expect(r.stdout).toContain('\\u001b[2K');
    const messages: string[] = JSON.parse(r.stdout).findings.map((f: { message: string }) => f.message);
    expect(messages.some((m) => m.includes(`${ESC}[2K`))).toBe(true);
  });

  function hyperlinkTargets(report: string): string[] {
    const parts = unzipSync(new Uint8Array(readFileSync(report)));
    return Object.entries(parts)
      .filter(([p]) => /^xl\/worksheets\/_rels\/.*\.rels$/.test(p))
      .flatMap(([, bytes]) => [...strFromU8(bytes).matchAll(/Type="[^"]*\/hyperlink"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Type="[^"]*\/hyperlink"/g)].map((m) => m[1] ?? m[2] ?? ''));
  }

  it('links Prüfhinweise to the input by its plain file name', () => {
    const out = join(dir, 'bericht.xlsx');
    expect(cli([input, '--out', out]).code).toBe(0);
    const targets = hyperlinkTargets(out);
    expect(targets.length).toBeGreaterThan(0);
    expect(new Set(targets)).toEqual(new Set(['bau.xlsx']));
  });

  it('makes no link from a file name with backslashes, which Windows would open as a network path', () => {
    const hostile = join(dir, '\\\\angreifer\\freigabe\\bau.xlsx');
    copyFileSync(input, hostile);
    const out = join(dir, 'bericht-unc.xlsx');
    expect(cli([hostile, '--out', out]).code).toBe(0);
    expect(hyperlinkTargets(out)).toEqual([]);
  });
});
