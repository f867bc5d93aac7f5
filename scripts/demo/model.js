'use strict';
/*
 * The demo's own expected-count model, independent of the product: the published targets of
 * SPEC §1, the counting rules of SPEC §4 as the generator applies them row by row, and the
 * resulting expectation (assets/demo/expected.json). The generator reports every row it writes
 * here; the model counts it, notes the findings it must give, and checks the totals.
 */

// Targets: SPEC §1
const YEARS = [2023, 2024];
const CL = ['A', 'K', 'P', 'D', 'U'];
const CLUSTER_NAME = {
  A: 'Analog',
  K: 'Kein Optimierungspotenzial',
  P: 'PDF',
  D: 'Digital',
  U: 'Projekt in Umsetzung',
};
const TARGET = {
  2023: { A: 125, K: 180, P: 218, D: 258, U: 54 },
  2024: { A: 126, K: 199, P: 428, D: 283, U: 151 },
};
const JAGDSCHEIN = { lo: '99067004', office: 'Untere Jagdbehörde', 2023: 7, 2024: 102 };
const AUFENTHALT = { lo: '99010001', office: 'Ausländerbehörde', 2023: 6, 2024: 181 };
const KEYS7 = ['Analog', 'Kein Optimierungspotenzial', 'PDF', 'Digital', 'Projekt in Umsetzung', 'Nicht zugeordnet', 'Alle Dienstleistungen'];

function colLetter(c) {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
const a1 = (r, c) => `${colLetter(c)}${r + 1}`;

function emptyCounts() {
  return Object.fromEntries(KEYS7.map((k) => [k, 0]));
}

/** A fresh model: rows are reported with `count` and `finding`, the expectation read with `result`. */
function createExpectation() {
  const findings = [];
  const records = []; // { office, year, cluster, key }
  /** Per office and year: valid keys seen, for the first-occurrence rule; key → offices for KEY_IN_SEVERAL_OFFICES. */
  const seen = new Map();
  const keyOffices = new Map(); // key -> offices in order

  function finding(code, sheet, cell) {
    findings.push({ code, sheet, cell });
  }

  /**
   * Registers one service row's record for `year` (cluster letter, 'X'/'XE' excluded, null empty),
   * with the findings SPEC §4 says it gives.
   */
  function count(sheet, office, row, keyCol, key, year, c, statusCol) {
    if (c === null) return;
    if (c === 'X' || c === 'XE') {
      finding('EXCLUDED', sheet, a1(row, statusCol));
      return;
    }
    if (key) {
      const id = `${office}|${year}`;
      const s = seen.get(id) || new Map();
      seen.set(id, s);
      if (s.has(key)) {
        finding(s.get(key) === c ? 'DUPLICATE_KEY' : 'CONFLICTING_DUPLICATE', sheet, a1(row, keyCol));
        return;
      }
      s.set(key, c);
      const offices = keyOffices.get(key) || [];
      keyOffices.set(key, offices);
      if (!offices.includes(office)) {
        if (offices.length > 0) finding('KEY_IN_SEVERAL_OFFICES', sheet, a1(row, keyCol));
        offices.push(office);
      }
    }
    records.push({ office, year, cluster: c, key });
  }

  /** The expectation for the workbook of `sheets`; throws when the counts miss the published targets. */
  function result(sheets, file) {
    const total = { 2023: emptyCounts(), 2024: emptyCounts() };
    const officeOrder = [];
    const officeCounts = new Map();
    for (const r of records) {
      if (!officeCounts.has(r.office)) {
        officeCounts.set(r.office, { 2023: emptyCounts(), 2024: emptyCounts() });
        officeOrder.push(r.office);
      }
      for (const t of [total[r.year], officeCounts.get(r.office)[r.year]]) {
        t[CLUSTER_NAME[r.cluster]]++;
        t['Alle Dienstleistungen']++;
      }
    }
    for (const y of YEARS) {
      for (const c of CL) {
        if (total[y][CLUSTER_NAME[c]] !== TARGET[y][c]) throw new Error(`total ${y} ${c}: ${total[y][CLUSTER_NAME[c]]} != ${TARGET[y][c]}`);
      }
    }
    const refinement = [
      { office: JAGDSCHEIN.office, leistungsobjekt: JAGDSCHEIN.lo, name: 'Jagdschein', cluster: 'PDF' },
      { office: AUFENTHALT.office, leistungsobjekt: AUFENTHALT.lo, name: 'Aufenthaltserlaubnis', cluster: 'PDF' },
    ].map((x) => {
      const counts = {};
      for (const y of YEARS) {
        counts[y] = records.filter((r) => r.office === x.office && r.year === y && r.key && r.key.startsWith(x.leistungsobjekt)).length;
      }
      return { ...x, counts };
    });
    if (refinement[0].counts[2023] !== 7 || refinement[0].counts[2024] !== 102) throw new Error('Jagdschein refinement');
    if (refinement[1].counts[2023] !== 6 || refinement[1].counts[2024] !== 181) throw new Error('Aufenthaltserlaubnis refinement');

    return {
      description: 'Erwartete Auswertung der Demo-Arbeitsmappe (SPEC §1); erzeugt von scripts/make-demo.js',
      file,
      years: YEARS,
      reportYear: 2024,
      clusters: KEYS7.slice(0, 5),
      total,
      offices: officeOrder.map((office) => ({ office, counts: officeCounts.get(office) })),
      refinement,
      findings,
      skippedSheets: sheets.filter((s) => s.name === 'Anleitung' || s.state === 'hidden').map((s) => s.name),
      officeSheets: sheets.filter((s) => s.name !== 'Anleitung' && s.state !== 'hidden').map((s) => s.name),
    };
  }

  return { count, finding, result };
}

module.exports = { YEARS, CL, TARGET, JAGDSCHEIN, AUFENTHALT, KEYS7, colLetter, a1, createExpectation };
