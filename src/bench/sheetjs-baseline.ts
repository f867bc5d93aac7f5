import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';

/*
 * The same counting as bench/pandas_baseline.py with SheetJS (`xlsx` from npm, a bench-only
 * devDependency): read the workbook, then per sheet (title row, header in row 2) and year
 * column fold each status, map it to its cluster and count; a valid key once per office and
 * year. Prints the totals as JSON, so the bench checks that all tools counted the same.
 */
const SYNONYMS: Record<string, string[]> = {
  Analog: ['analog', 'papier', 'papierform', 'schriftlich', 'persoenlich', 'persoenliche vorsprache', 'vor ort', 'offline', 'nicht digital'],
  'Kein Optimierungspotenzial': ['kein optimierungspotenzial', 'kein optimierungspotential', 'kein potenzial', 'kein potential', 'nicht digitalisierbar'],
  PDF: ['pdf', 'pdf formular', 'pdf antrag', 'formular zum download', 'download formular', 'ausfuellbares pdf', 'beschreibbares pdf'],
  Digital: ['digital', 'online', 'online antrag', 'online dienst', 'onlinedienst', 'serviceportal', 'efa', 'efa dienst', 'medienbruchfrei', 'vollstaendig digital'],
  'Projekt in Umsetzung': ['projekt in umsetzung', 'in umsetzung', 'projekt', 'in planung', 'in bearbeitung', 'geplant'],
};
const LOOKUP = new Map(Object.entries(SYNONYMS).flatMap(([cluster, values]) => values.map((v) => [v, cluster] as const)));

function fold(value: unknown): string {
  const s = String(value).toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/[-/_\r\n]/g, ' ').replace(/\s+/g, ' ').trim();
  return s.endsWith('.') || s.endsWith(':') ? s.slice(0, -1).trimEnd() : s;
}

const workbook = XLSX.read(readFileSync(process.argv[2]!), { type: 'buffer', dense: true });
const total: Record<string, Record<string, number>> = {};
for (const name of workbook.SheetNames) {
  const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[name]!, { header: 1, defval: null, raw: false });
  const header = (rows[1] ?? []).map((h) => String(h ?? ''));
  const keyCol = header.indexOf('LeiKa-Schlüssel');
  header.forEach((column, col) => {
    const year = /(20\d\d)$/.exec(column)?.[1];
    if (!year) return;
    const counts = (total[year] ??= {});
    const seen = new Set<string>();
    for (const row of rows.slice(2)) {
      const value = row[col];
      if (value === null || value === undefined || value === '') continue;
      const key = String(row[keyCol] ?? '');
      if (/^99\d{12}$/.test(key)) {
        if (seen.has(key)) continue;
        seen.add(key);
      }
      const cluster = LOOKUP.get(fold(value)) ?? 'Nicht zugeordnet';
      counts[cluster] = (counts[cluster] ?? 0) + 1;
    }
  });
}
const sorted = Object.fromEntries(
  Object.entries(total)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([y, c]) => [y, Object.fromEntries(Object.entries(c).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))]),
);
process.stdout.write(`${JSON.stringify(sorted)}\n`);
