#!/usr/bin/env node
/*
 * Generates the demo workbook assets/demo/Digitalisierungsuebersicht_Demo.xlsx and its
 * machine-readable expectation assets/demo/expected.json.
 *
 * The workbook is a realistic "Digitalisierungsübersicht" of a county administration:
 * an instruction sheet, a dozen office sheets in the layouts of SPEC §2 and one hidden
 * sheet. Its counts reproduce the published table of SPEC §1 exactly, including the LeiKa
 * refinement of "Jagdschein" (7 → 102 services) and "Aufenthaltserlaubnis" (6 → 181).
 *
 * Keys and names of real services come from the catalogue extract in ../shared/leika
 * (read at generation time, never copied into the repository). Where the catalogue has
 * fewer services under one Leistungsobjekt than needed, plausible LOVD keys are generated
 * under the right Leistungsobjekt.
 *
 * Deterministic: a seeded PRNG, fixed document dates and fixed zip timestamps, so running
 * the script twice gives byte-identical files.
 *
 * This file lays out the sheets; scripts/demo/model.js is the demo's own expected-count model
 * (targets, counting rules, expected.json), scripts/demo/catalog.js hands out the services.
 *
 * Usage: node scripts/make-demo.js [--catalog <csv>] [--out <dir>]
 */
'use strict';

const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');
const { unzipSync, zipSync } = require('fflate');
const { any, ll, loadCatalog, nm, tf } = require('./demo/catalog');
const { a1, AUFENTHALT, CL, colLetter, createExpectation, JAGDSCHEIN, KEYS7, TARGET, YEARS } = require('./demo/model');
const { pick, rnd, shuffle } = require('./demo/random');

process.env.TZ = 'UTC';

const ROOT = path.resolve(__dirname, '..');
const argv = process.argv.slice(2);
function arg(name, fallback) {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
}
const CATALOG = arg('--catalog', path.resolve(ROOT, '../shared/leika/leika_ozg_catalog_nrw_2019.csv'));
const OUT_DIR = arg('--out', path.join(ROOT, 'assets/demo'));
const FIXED_DATE = new Date(Date.UTC(2024, 3, 15, 8, 0, 0));

/** Re-packs a zip with fixed timestamps and entry order as written, so output is byte-stable. */
function normalizeZip(buffer) {
  const entries = unzipSync(new Uint8Array(buffer));
  const out = {};
  for (const name of Object.keys(entries)) out[name] = [entries[name], { mtime: FIXED_DATE, level: 6 }];
  return Buffer.from(zipSync(out));
}

// ---------------------------------------------------------------------------------------
// Catalogue
const leika = loadCatalog(CATALOG, [JAGDSCHEIN.lo, AUFENTHALT.lo]);
const { takeServices, takeNoKey } = leika;

const SHARED_KEY = '99108011153000'; // Parkplatzabsperrung für Umzug Halteverbotszone Einrichtung
leika.reserve(SHARED_KEY);

// ---------------------------------------------------------------------------------------
// Offices: size per year, cluster weights, topic filter
const OFFICES = [
  { name: 'Ordnungsamt', size: [95, 100], w: [1.0, 1.0, 1.2, 1.0, 1.0], topic: any(ll('Unternehmensstart & Gewerbezulassung', 'Veranstaltungen', 'Veranstaltung durchführen', 'Rechtsverstöße - Anzeigen und Hilfen für Opfer'), tf('Recht & Ordnung')), noKey: 2 },
  { name: 'Straßenverkehrsamt', size: [85, 90], w: [0.6, 0.8, 1.0, 1.6, 1.4], topic: any(ll('Führerschein', 'Kfz-Besitz', 'Logistik & Transport'), tf('Mobilität & Reisen')), noKey: 1 },
  { name: 'Bauordnungsamt', size: [70, 78], w: [0.8, 0.9, 1.3, 0.8, 1.5], topic: any(ll('Bauen & Immobilien', 'Hausbau & Immobilienerwerb')), noKey: 1 },
  { name: 'Gesundheitsamt', size: [75, 82], w: [1.3, 1.0, 1.0, 0.8, 0.8], topic: tf('Gesundheit'), noKey: 2 },
  { name: 'Jugendamt', size: [80, 88], w: [1.2, 1.2, 1.0, 0.8, 1.0], topic: any(ll('Kinderbetreuung', 'Adoption & Pflegekinder', 'Trennung mit Kind', 'Geburt'), tf('Familie & Kind')), noKey: 1 },
  { name: 'Sozialamt', size: [90, 98], w: [1.4, 1.0, 1.0, 0.7, 1.0], topic: any(ll('Rente & Soziale Entschädigung', 'Behinderung', 'Pflege', 'Finanzielle Existenzsicherung/Unterstützung bei finanziellen Problemen', 'Tod')), noKey: 2 },
  { name: 'Ausländerbehörde', size: [30, 32], w: [0.8, 0.6, 1.4, 0.8, 1.2], topic: ll('Einwanderung', 'Auswanderung', 'Auslandsaufenthalt'), noKey: 1 },
  { name: 'Untere Jagdbehörde', size: [12, 12], w: [1, 1, 1, 1, 0.5], topic: any(nm(/Jagd|Jäger|Wild|Falkn|Waffe/), ll('Fischen & Jagen')), noKey: 0 },
  { name: 'Veterinäramt', size: [60, 66], w: [1.1, 1.3, 0.9, 0.8, 0.9], topic: any(ll('Tierhaltung'), nm(/Tier|Fleisch|Vieh|Tierseuche|Schlacht|Lebensmittel/)), noKey: 1 },
  { name: 'Umweltamt', size: [18, 20], w: [0.9, 1.2, 1.0, 1.0, 1.0], topic: nm(/Umwelt|Immission|Lärm|Boden|Altlast/), noKey: 0 },
  { name: 'Untere Abfallbehörde', size: [20, 22], w: [0.9, 1.2, 1.0, 1.0, 1.0], topic: any(ll('Abfall & Umweltschutz'), nm(/Abfall|Entsorg/)), noKey: 1 },
  { name: 'Untere Naturschutzbehörde', size: [17, 19], w: [0.9, 1.2, 1.0, 1.0, 1.0], topic: nm(/Natur|Arten|Landschaft|Biotop|Baum/), noKey: 0 },
  { name: 'Untere Wasserbehörde', size: [20, 24], w: [0.9, 1.2, 1.0, 1.0, 1.0], topic: nm(/Wasser|Gewässer|Abwasser|Brunnen/), noKey: 0 },
  { name: 'Schulamt', size: [40, 44], w: [1.0, 1.0, 0.9, 1.2, 1.0], topic: any(ll('Schule', 'Berufsausbildung'), tf('Bildung')), noKey: 1 },
  { name: 'Kreiskasse', size: [25, 27], w: [1.0, 1.0, 1.0, 1.6, 1.0], w2023: [1.0, 0, 1.0, 1.6, 0], topic: nm(/Steuer|Gebühr|Abgabe|Beitr|Vollstreckung|Mahn|Stundung|Erlass|Zahlung|Kasse|Pfändung|Erstattung/), noKey: 0 },
  { name: 'Kataster- und Vermessungsamt', size: [85, 102], w: [0.7, 1.1, 0.8, 1.5, 1.0], topic: any(nm(/Kataster|Vermessung|Grundstück|Liegenschaft|Geo|[Kk]arte|Bodenricht|Flurstück|Grenz|Grundbuch|Luftbild|Gutachter|Wertermittlung|Gebäude|Hausnummer|Adress/), ll('Hausbau & Immobilienerwerb')), noKey: 1 },
];

// Largest-remainder apportionment of the targets (without the refined LOs) over the offices
function apportion(total, weights) {
  const sum = weights.reduce((s, w) => s + w, 0);
  const raw = weights.map((w) => (sum === 0 ? 0 : (total * w) / sum));
  const base = raw.map(Math.floor);
  let rest = total - base.reduce((s, v) => s + v, 0);
  const order = raw.map((v, i) => [v - Math.floor(v), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    base[i]++;
    rest--;
  }
  return base;
}
const vectors = OFFICES.map(() => ({ 2023: {}, 2024: {} }));
YEARS.forEach((year, yi) => {
  for (let ci = 0; ci < CL.length; ci++) {
    const c = CL[ci];
    let total = TARGET[year][c];
    if (c === 'P') total -= JAGDSCHEIN[year] + AUFENTHALT[year];
    const weights = OFFICES.map((o) => ((year === 2023 && o.w2023) || o.w)[ci] * o.size[yi]);
    const parts = apportion(total, weights);
    OFFICES.forEach((o, oi) => (vectors[oi][year][c] = parts[oi]));
  }
});

/** Service rows of one office as pairs (cluster 2023, cluster 2024); null = not inventoried. */
function buildPairs(a, b) {
  const pairs = [];
  const a2 = { ...a };
  const b2 = { ...b };
  const stable = {};
  for (const c of CL) {
    stable[c] = Math.min(a2[c], b2[c]);
    a2[c] -= stable[c];
    b2[c] -= stable[c];
  }
  // upgrades along the usual path of digitalisation
  const prefs = { A: ['U', 'P', 'D', 'K'], P: ['D', 'U', 'K', 'A'], U: ['D', 'P', 'A', 'K'], K: ['A', 'U', 'P', 'D'], D: ['U', 'P', 'K', 'A'] };
  for (const from of ['A', 'P', 'U', 'K', 'D']) {
    for (const to of prefs[from]) {
      const n = Math.min(a2[from], b2[to]);
      for (let i = 0; i < n; i++) pairs.push([from, to]);
      a2[from] -= n;
      b2[to] -= n;
    }
  }
  // a little movement inside the stable part: (A,A)+(P,P) -> (A,P)+(P,-)+(-,A) keeps both years' counts
  const k = Math.floor(Math.min(stable.A, stable.P) * 0.12);
  stable.A -= k;
  stable.P -= k;
  for (let i = 0; i < k; i++) pairs.push(['A', 'P'], ['P', null], [null, 'A']);
  const k2 = Math.floor(Math.min(stable.U, stable.D) * 0.2);
  stable.U -= k2;
  stable.D -= k2;
  for (let i = 0; i < k2; i++) pairs.push(['U', 'D'], ['D', null], [null, 'U']);
  for (const c of CL) for (let i = 0; i < stable[c]; i++) pairs.push([c, c]);
  for (const c of CL) for (let i = 0; i < a2[c]; i++) pairs.push([c, null]);
  for (const c of CL) for (let i = 0; i < b2[c]; i++) pairs.push([null, c]);
  return shuffle(pairs);
}

// ---------------------------------------------------------------------------------------
// Spellings (all fold to a built-in value of SPEC §3)
const SPELLINGS = {
  canonical: { A: ['Analog'], K: ['Kein Optimierungspotenzial'], P: ['PDF'], D: ['Digital'], U: ['Projekt in Umsetzung'], X: ['nicht zuständig'] },
  messy: {
    A: ['Analog', 'analog', 'Papierform', 'persönliche Vorsprache', 'schriftlich', 'Analog ', 'vor Ort', 'Papier', 'persoenliche Vorsprache'],
    K: ['Kein Optimierungspotenzial', 'kein Optimierungspotential', 'nicht digitalisierbar', 'kein Potenzial', 'Kein Optimierungspotenzial.'],
    P: ['PDF', 'PDF-Formular', 'pdf-Formular', 'PDF Formular', 'Formular zum Download', 'Download-Formular', 'ausfüllbares PDF', 'PDF-Antrag', 'PDF/Formular'],
    D: ['Digital', 'digital', 'Online-Antrag', 'Online - Antrag', 'Onlinedienst', 'Serviceportal', 'EfA-Dienst', 'vollständig digital', 'ONLINE', 'Online_Dienst'],
    U: ['Projekt in Umsetzung', 'in Umsetzung', 'in Planung', 'geplant', 'In Bearbeitung', 'Projekt'],
    X: ['nicht zuständig', 'Nicht zuständig', 'keine Zuständigkeit', 'nicht zustaendig'],
  },
};
function spell(style, c) {
  if (c === null) return null;
  if (c === 'XE') return pick(['entfällt', 'Entfällt', 'entfaellt']);
  const list = SPELLINGS[style][c];
  // canonical spelling most of the time, so messy sheets still look like real ones
  return rnd() < 0.55 ? list[0] : pick(list);
}

// ---------------------------------------------------------------------------------------
// Services per office
const SERVICE_MODELS = {}; // office -> list of {key, keyText, name, c: {2023, 2024}}
const REMARKS = ['Antrag über Serviceportal des Kreises', 'Formular auf der Homepage', 'EfA-Lösung des Landes geplant', 'Termin nur nach Vereinbarung', 'Abstimmung mit A 12 läuft', 'Onlinezugang über Landesportal', 'Fachverfahren wird umgestellt'];

// Offices with a narrow topic choose their services first, so the broad ones do not take them.
const ALLOCATION_ORDER = ['Kataster- und Vermessungsamt', 'Kreiskasse', 'Untere Jagdbehörde', 'Veterinäramt', 'Untere Wasserbehörde', 'Untere Naturschutzbehörde', 'Untere Abfallbehörde', 'Umweltamt', 'Schulamt', 'Gesundheitsamt', 'Jugendamt', 'Sozialamt', 'Ausländerbehörde', 'Straßenverkehrsamt', 'Bauordnungsamt', 'Ordnungsamt'];
const PAIRS = OFFICES.map((o, oi) => buildPairs(vectors[oi][2023], vectors[oi][2024]));
ALLOCATION_ORDER.map((name) => OFFICES.findIndex((o) => o.name === name)).forEach((oi) => {
  const o = OFFICES[oi];
  const pairs = PAIRS[oi];
  const nNoKey = Math.min(o.noKey, pairs.length);
  const services = [...takeNoKey(o.topic, nNoKey)];
  services.push(...takeServices(o.topic, pairs.length - services.length));
  SERVICE_MODELS[o.name] = pairs.map((p, i) => ({ ...services[i], c: { 2023: p[0], 2024: p[1] } }));
});

// The shared key (KEY_IN_SEVERAL_OFFICES): first in Ordnungsamt, then Straßenverkehrsamt;
// it replaces the key of a stable row in each, so counts stay the same.
const sharedName = leika.entry(SHARED_KEY).name;
for (const office of ['Ordnungsamt', 'Straßenverkehrsamt']) {
  const s = SERVICE_MODELS[office].find((x) => x.key && x.c[2023] && x.c[2024]);
  s.key = SHARED_KEY;
  s.name = sharedName;
}

// Refined Leistungsobjekte ------------------------------------------------------------
// Jagdschein: all catalogue keys plus generated LOVDs up to 102
const jagdCatalog = leika.loServices(JAGDSCHEIN.lo);
const jagdVerrichtungen = [
  ['001', 'Erteilung'], ['020', 'Verlängerung'], ['012', 'Ausstellung'], ['036', 'Ersatz'], ['011', 'Änderung'],
  ['123', 'Wiedererteilung'], ['060', 'Eintragung'], ['052', 'Einziehung'], ['044', 'Aufhebung'], ['063', 'Sperrung'],
];
const jagdZusaetze = [
  'als Jahresjagdschein', 'als Tagesjagdschein', 'als Jugendjagdschein', 'als Ausländerjagdschein', 'als Falknerjagdschein',
  'für Inländer mit Wohnsitz im Ausland', 'für Berufsjäger', 'für Jagdaufseher', 'für Forstbedienstete', 'nach bestandener Jägerprüfung',
  'nach bestandener Falknerprüfung', 'bei Wohnsitzwechsel',
];
const jagd = jagdCatalog.map((e) => ({ key: e.key, name: e.name }));
{
  const have = new Set(jagd.map((e) => e.key));
  outer: for (const zusatz of jagdZusaetze) {
    for (const [code, verb] of jagdVerrichtungen) {
      if (jagd.length >= JAGDSCHEIN[2024]) break outer;
      for (let d = 1; d < 999; d++) {
        const key = `${JAGDSCHEIN.lo}${code}${String(d).padStart(3, '0')}`;
        if (have.has(key)) continue;
        have.add(key);
        jagd.push({ key, name: `Jagdschein ${verb} ${zusatz}` });
        break;
      }
    }
  }
}
if (jagd.length !== JAGDSCHEIN[2024]) throw new Error('Jagdschein: ' + jagd.length);
const JAGD_2023_KEYS = ['99067004000000', '99067004001000', '99067004011000', '99067004052000', '99067004060000', '99067004123000', '99067004001002'];

// Aufenthaltserlaubnis: all catalogue keys plus generated Änderung / Übertragung LOVDs up to 181
const aufCatalog = leika.loServices(AUFENTHALT.lo);
const auf = aufCatalog.map((e) => ({ key: e.key, name: e.name }));
{
  const have = new Set(auf.map((e) => e.key));
  const erteilung = aufCatalog.filter((e) => e.key.slice(8, 11) === '001' && e.key.slice(11) !== '000');
  outer: for (const [code, verb] of [['011', 'Änderung der Nebenbestimmungen'], ['038', 'Übertragung in einen neuen Pass']]) {
    for (const e of erteilung) {
      if (auf.length >= AUFENTHALT[2024]) break outer;
      const key = `${AUFENTHALT.lo}${code}${e.key.slice(11)}`;
      if (have.has(key)) continue;
      have.add(key);
      auf.push({ key, name: `Aufenthaltserlaubnis ${verb} ${e.name.replace(/^Aufenthaltserlaubnis Erteilung /, '')}` });
    }
  }
}
if (auf.length !== AUFENTHALT[2024]) throw new Error('Aufenthaltserlaubnis: ' + auf.length);
const AUF_2023_KEYS = ['99010001000000', '99010001001000', '99010001020000', '99010001001008', '99010001001009', '99010001001017'];

// ---------------------------------------------------------------------------------------
// Sheet model: rows of plain values + metadata for the expectation
const sheets = []; // { name, state, rows: [[...]], merges: [], meta: {...} }
const expectation = createExpectation();
const { count } = expectation;

/**
 * A wide office sheet. `spec`: name, title rows, header rows (1 or 2), merges, columns
 * {key, name, status: {year: col}, reifegrad, office, remark, online}, services, style, keyFormat,
 * totals label, extra rows.
 */
function wideSheet(spec) {
  const rows = spec.title.map((t) => t.slice());
  const merges = [];
  const headerTop = rows.length;
  for (const h of spec.header) rows.push(h.slice());
  for (const m of spec.headerMerges || []) merges.push({ top: headerTop + m[0], left: m[1], bottom: headerTop + m[2], right: m[3] });
  const cols = spec.cols;
  const width = Math.max(...spec.header.map((h) => h.length));
  const dataTop = rows.length;
  const hiddenRows = [];
  let officeRun = null;
  for (const s of spec.services) {
    const r = rows.length;
    const row = new Array(width).fill(null);
    row[cols.key] = s.key ? spec.keyFormat(s.key, s) : s.keyText || null;
    row[cols.name] = s.name;
    for (const y of YEARS) {
      if (cols.status[y] !== undefined) row[cols.status[y]] = spell(spec.style, s.c[y]);
    }
    if (cols.reifegrad && s.c[2023]) {
      row[cols.reifegrad] = { A: pick([0, 1]), P: 2, D: pick([3, 4]) }[s.c[2023]];
    }
    if (cols.remark !== undefined && rnd() < 0.15) row[cols.remark] = pick(REMARKS);
    if (cols.online !== undefined && (s.c[2024] === 'D' || s.c[2023] === 'D') && rnd() < 0.6)
      row[cols.online] = `https://serviceportal.kreis-beispiel.de/leistung/${s.key || 'ohne-schluessel'}`;
    const office = s.office || spec.name;
    if (cols.office !== undefined && s.office) {
      row[cols.office] = s.office;
      if (officeRun && officeRun.office === s.office && officeRun.bottom === r - 1) {
        officeRun.bottom = r;
        row[cols.office] = null;
      } else {
        officeRun = { office: s.office, top: r, bottom: r };
        merges.push(officeRun);
      }
    } else officeRun = null;
    if (spec.hideRow && spec.hideRow(s)) hiddenRows.push(r);
    rows.push(row);
    // expectation
    if (!s.key) expectation.finding('NO_KEY', spec.name, a1(r, cols.key));
    if (s.invalidKey) expectation.finding('INVALID_KEY', spec.name, a1(r, cols.key));
    const recKey = s.key && !s.invalidKey ? s.key : null;
    for (const y of YEARS) {
      const col = cols.status[y] !== undefined ? cols.status[y] : cols.reifegrad;
      count(spec.name, office, r, cols.key, recKey, y, s.c[y], col);
    }
  }
  if (spec.totals) {
    const r = rows.length;
    const row = new Array(width).fill(null);
    row[spec.totals.col] = spec.totals.label;
    for (const y of YEARS) {
      const c = cols.status[y];
      if (c === undefined) continue;
      const range = `${colLetter(c)}${dataTop + 1}:${colLetter(c)}${r}`;
      const n = spec.services.filter((s) => s.c[y] !== null).length;
      row[c] = { formula: `COUNTA(${range})`, result: n };
    }
    rows.push(row);
    expectation.finding('TOTALS_ROW', spec.name, a1(r, spec.totals.col));
  }
  // finished office runs: drop one-row merges
  const realMerges = merges.filter((m) => m.bottom > m.top || m.right > m.left).map((m) => ({ top: m.top, left: m.left !== undefined ? m.left : cols.office, bottom: m.bottom, right: m.right !== undefined ? m.right : cols.office }));
  return { name: spec.name, rows, merges: realMerges, hiddenRows, headerRows: spec.header.map((_, i) => headerTop + i), widths: spec.widths, autoFilter: spec.autoFilter ? { from: a1(headerTop, 0), to: a1(headerTop, width - 1) } : null, freeze: headerTop + spec.header.length, titleRows: spec.title.length };
}

const textKey = (k) => k;
const spacedKey = (k) => `${k.slice(0, 2)} ${k.slice(2, 5)} ${k.slice(5, 8)} ${k.slice(8, 11)} ${k.slice(11)}`;
const sortByKey = (list) => list.slice().sort((a, b) => (a.key || '~' + a.name).localeCompare(b.key || '~' + b.name));
const sortByName = (list) => list.slice().sort((a, b) => a.name.localeCompare(b.name, 'de'));

/** Adds `n` rows that are "nicht zuständig" in both years (counted nowhere, EXCLUDED findings). */
function withExcluded(office, list, n, topic) {
  const extra = takeServices(topic, n).map((s) => ({ ...s, c: { 2023: 'X', 2024: 'X' } }));
  return list.concat(extra);
}
/** Rows only inventoried in 2023: mark most of them "entfällt" in 2024 (EXCLUDED, not counted). */
function markDropped(list, share) {
  return list.map((s) => (s.c[2023] && s.c[2024] === null && rnd() < share ? { ...s, c: { ...s.c, 2024: 'XE' } } : s));
}

const H = (...cells) => cells;

// ---------------------------------------------------------------------------------------
// Anleitung (no header row: skipped)
sheets.push({
  name: 'Anleitung',
  rows: [
    ['Digitalisierungsübersicht des Kreises – Anleitung'],
    [null],
    ['Jedes Amt pflegt einmal im Jahr sein eigenes Tabellenblatt in dieser Arbeitsmappe.'],
    ['Bitte tragen Sie für jede Dienstleistung den LeiKa-Schlüssel, die Bezeichnung und den Umsetzungsstatus des Jahres ein.'],
    ['Zulässige Werte: Analog, Kein Optimierungspotenzial, PDF, Digital, Projekt in Umsetzung, nicht zuständig.'],
    ['Leistungen ohne LeiKa-Schlüssel bitte mit „nicht im LeiKa“ kennzeichnen.'],
    ['Rückfragen an A 12 – Amt für Digitalisierung und IT, Tel. 1234.'],
  ],
  merges: [],
  hiddenRows: [],
  headerRows: [],
  widths: [110],
  titleRows: 1,
});

const officeByName = Object.fromEntries(OFFICES.map((o) => [o.name, o]));
const models = SERVICE_MODELS;

// 1 Ordnungsamt: title rows, "Umsetzungsstatus <Jahr>", canonical values, totals row
sheets.push(
  wideSheet({
    name: 'Ordnungsamt',
    title: [['Digitalisierungsübersicht Ordnungsamt'], ['Stand: 31.03.2024'], [null]],
    header: [H('LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2023', 'Umsetzungsstatus 2024', 'Bemerkung', 'Online-Dienst')],
    cols: { key: 0, name: 1, status: { 2023: 2, 2024: 3 }, remark: 4, online: 5 },
    services: withExcluded('Ordnungsamt', sortByKey(markDropped(models['Ordnungsamt'], 0.5)), 2, officeByName['Ordnungsamt'].topic),
    style: 'canonical',
    keyFormat: textKey,
    totals: { col: 0, label: 'Summe' },
    widths: [18, 60, 14, 14, 30, 40],
    autoFilter: true,
  }),
);

// 2 Straßenverkehrsamt: line breaks in headers, "Status\n(2023)", some keys written with spaces
sheets.push(
  wideSheet({
    name: 'Straßenverkehrsamt',
    title: [['Straßenverkehrsamt – Übersicht der Verwaltungsleistungen'], [null]],
    header: [H('LeiKa-\nSchlüssel', 'Leistung', 'Status\n(2023)', 'Status\n(2024)', 'Bemerkung')],
    cols: { key: 0, name: 1, status: { 2023: 2, 2024: 3 }, remark: 4 },
    services: sortByName(markDropped(models['Straßenverkehrsamt'], 0.3)),
    style: 'messy',
    keyFormat: (k) => (rnd() < 0.2 ? spacedKey(k) : k),
    widths: [20, 60, 16, 16, 30],
  }),
);

// 3 Bauordnungsamt: numeric year headers, keys as numbers, one mistyped key
{
  const list = sortByKey(models['Bauordnungsamt']);
  const victim = list.find((s) => s.key && s.key !== SHARED_KEY);
  victim.invalidKey = true;
  sheets.push(
    wideSheet({
      name: 'Bauordnungsamt',
      title: [],
      header: [H('LeiKa-Nr.', 'Bezeichnung', 2023, 2024, 'Bemerkung')],
      cols: { key: 0, name: 1, status: { 2023: 2, 2024: 3 }, remark: 4 },
      services: list,
      style: 'messy',
      keyFormat: (k, s) => (s.invalidKey ? Number(k.slice(0, 13)) : Number(k)),
      widths: [18, 60, 12, 12, 30],
    }),
  );
}

// 4 Gesundheitsamt: title, two-row header (merged "Umsetzungsstatus" over 2023 | 2024), one duplicate row
{
  const list = sortByName(models['Gesundheitsamt']);
  const dupOf = list.find((s) => s.key && s.c[2023] && s.c[2024] && s.c[2023] !== 'X');
  const idx = list.indexOf(dupOf);
  const withDup = list.slice(0, idx + 3).concat([{ ...dupOf, name: dupOf.name }], list.slice(idx + 3));
  sheets.push(
    wideSheet({
      name: 'Gesundheitsamt',
      title: [['Gesundheitsamt – Digitalisierungsübersicht'], [null]],
      header: [
        H('LeiKa-Schlüssel', 'Leistungsbezeichnung', 'Umsetzungsstatus', null, 'Bemerkung'),
        H(null, null, 2023, 2024, null),
      ],
      headerMerges: [[0, 0, 1, 0], [0, 1, 1, 1], [0, 2, 0, 3], [0, 4, 1, 4]],
      cols: { key: 0, name: 1, status: { 2023: 2, 2024: 3 }, remark: 4 },
      services: withDup,
      style: 'messy',
      keyFormat: textKey,
      widths: [18, 60, 14, 14, 30],
    }),
  );
}

// 5 Jugendamt: "Schlüssel | Dienstleistung | Status (2023) | Status (2024)"
sheets.push(
  wideSheet({
    name: 'Jugendamt',
    title: [],
    header: [H('Schlüssel', 'Dienstleistung', 'Status (2023)', 'Status (2024)', 'Bemerkung')],
    cols: { key: 0, name: 1, status: { 2023: 2, 2024: 3 }, remark: 4 },
    services: withExcluded('Jugendamt', sortByKey(markDropped(models['Jugendamt'], 0.4)), 1, officeByName['Jugendamt'].topic),
    style: 'messy',
    keyFormat: textKey,
    widths: [18, 60, 16, 16, 30],
    autoFilter: true,
  }),
);

// 6 Sozialamt: "Digitalisierungsstand 2023" + "Umsetzungsstatus" without year (= report year 2024), totals row
sheets.push(
  wideSheet({
    name: 'Sozialamt',
    title: [['Sozialamt – Digitalisierungsübersicht'], ['Stand: 15.04.2024'], [null]],
    header: [H('Leistungsschlüssel', 'Verwaltungsleistung', 'Digitalisierungsstand 2023', 'Umsetzungsstatus', 'Online-Dienst')],
    cols: { key: 0, name: 1, status: { 2023: 2, 2024: 3 }, online: 4 },
    services: sortByKey(markDropped(models['Sozialamt'], 0.5)),
    style: 'messy',
    keyFormat: textKey,
    totals: { col: 1, label: 'Gesamt' },
    widths: [18, 60, 16, 16, 40],
  }),
);

// 7 Ausländerbehörde: long format (one row per service and year, "Jahr" column)
{
  const name = 'Ausländerbehörde';
  const rows = [H('LeiKa-Schlüssel', 'Leistung', 'Jahr', 'Umsetzungsstatus', 'Bemerkung')];
  const base = sortByKey(models[name]);
  const aufByKey = new Map(auf.map((e) => [e.key, e]));
  const excludedSvc = takeServices(officeByName[name].topic, 1)[0];
  for (const year of YEARS) {
    const entries = [];
    for (const s of base) if (s.c[year]) entries.push({ key: s.key, keyText: s.keyText, name: s.name, c: s.c[year] });
    const aufKeys = year === 2023 ? AUF_2023_KEYS : auf.map((e) => e.key);
    for (const k of aufKeys) entries.push({ key: k, name: aufByKey.get(k).name, c: 'P' });
    entries.push({ key: excludedSvc.key, name: excludedSvc.name, c: 'X' });
    entries.sort((a, b) => (a.key || '~' + a.name).localeCompare(b.key || '~' + b.name));
    for (const e of entries) {
      const r = rows.length;
      rows.push([e.key || e.keyText || null, e.name, year, spell('messy', e.c), rnd() < 0.08 ? pick(REMARKS) : null]);
      if (!e.key) expectation.finding('NO_KEY', name, a1(r, 0));
      count(name, name, r, 0, e.key || null, year, e.c, 3);
    }
  }
  sheets.push({ name, rows, merges: [], hiddenRows: [], headerRows: [0], widths: [18, 70, 8, 20, 30], freeze: 1, titleRows: 0, autoFilter: { from: 'A1', to: 'E1' } });
}

// 8 Untere Jagdbehörde: title rows, "Stand 2023 | Stand 2024", Jagdschein refined from 7 to 102 keys
{
  const jagdRows = jagd.map((e) => ({ key: e.key, name: e.name, c: { 2023: JAGD_2023_KEYS.includes(e.key) ? 'P' : null, 2024: 'P' } }));
  sheets.push(
    wideSheet({
      name: 'Untere Jagdbehörde',
      title: [['Untere Jagdbehörde'], ['Digitalisierungsübersicht – Stand: 28.03.2024'], [null]],
      header: [H('LeiKa-ID', 'Leistungsname', 'Stand 2023', 'Stand 2024', 'Bemerkung')],
      cols: { key: 0, name: 1, status: { 2023: 2, 2024: 3 }, remark: 4 },
      services: sortByKey(models['Untere Jagdbehörde'].concat(jagdRows)),
      style: 'messy',
      keyFormat: textKey,
      widths: [18, 70, 14, 14, 30],
    }),
  );
}

// 9 Veterinäramt: plain header in row 1, messy spellings
sheets.push(
  wideSheet({
    name: 'Veterinäramt',
    title: [],
    header: [H('LeiKa', 'Leistung', 'Umsetzungsstatus 2023', 'Umsetzungsstatus 2024')],
    cols: { key: 0, name: 1, status: { 2023: 2, 2024: 3 } },
    services: sortByName(markDropped(models['Veterinäramt'], 0.3)),
    style: 'messy',
    keyFormat: textKey,
    widths: [18, 60, 16, 16],
  }),
);

// 10 Umweltamt: office column with vertically merged office names (empty = the sheet's office)
{
  const list = [];
  for (const office of ['Umweltamt', 'Untere Abfallbehörde', 'Untere Naturschutzbehörde', 'Untere Wasserbehörde']) {
    for (const s of sortByKey(markDropped(models[office], 0.3))) list.push({ ...s, office: office === 'Umweltamt' ? null : office });
  }
  sheets.push(
    wideSheet({
      name: 'Umweltamt',
      title: [['Umweltamt mit unteren Umweltbehörden'], [null]],
      header: [H('Organisationseinheit', 'LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2023', 'Umsetzungsstatus 2024', 'Bemerkung')],
      cols: { office: 0, key: 1, name: 2, status: { 2023: 3, 2024: 4 }, remark: 5 },
      services: list,
      style: 'messy',
      keyFormat: textKey,
      widths: [28, 18, 60, 16, 16, 30],
    }),
  );
}

// 11 Schulamt: filter and hidden rows (every row counts)
sheets.push(
  wideSheet({
    name: 'Schulamt',
    title: [],
    header: [H('LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2023', 'Umsetzungsstatus 2024', 'Bemerkung')],
    cols: { key: 0, name: 1, status: { 2023: 2, 2024: 3 }, remark: 4 },
    services: sortByKey(models['Schulamt']),
    style: 'canonical',
    keyFormat: textKey,
    hideRow: (s) => s.c[2024] === 'D',
    widths: [18, 60, 16, 16, 30],
    autoFilter: true,
  }),
);

// 12 Kreiskasse: "OZG-Reifegrad 2023" (numbers) + "Umsetzungsstatus" without year (= 2024)
sheets.push(
  wideSheet({
    name: 'Kreiskasse',
    title: [],
    header: [H('LeiKa-Schlüssel', 'Leistung', 'OZG-Reifegrad 2023', 'Umsetzungsstatus')],
    cols: { key: 0, name: 1, status: { 2024: 3 }, reifegrad: 2 },
    services: sortByKey(markDropped(models['Kreiskasse'], 1)),
    style: 'canonical',
    keyFormat: textKey,
    widths: [18, 60, 18, 18],
  }),
);

// 13 Kataster- und Vermessungsamt: two tables on one sheet, the second with other column order
{
  const name = 'Kataster- und Vermessungsamt';
  const list = sortByKey(models[name]);
  const half = Math.floor(list.length / 2);
  const t1 = wideSheet({
    name,
    title: [],
    header: [H('LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2023', 'Umsetzungsstatus 2024')],
    cols: { key: 0, name: 1, status: { 2023: 2, 2024: 3 } },
    services: list.slice(0, half),
    style: 'canonical',
    keyFormat: textKey,
    widths: [18, 60, 16, 16],
  });
  // second table: two empty rows, then a header with another column order
  const offset = t1.rows.length + 2;
  const t2 = wideSheet({
    name,
    title: Array.from({ length: offset }, () => [null]),
    header: [H('Leistung', 'LeiKa-Schlüssel', 'Umsetzungsstatus 2024', 'Umsetzungsstatus 2023')],
    cols: { key: 1, name: 0, status: { 2023: 3, 2024: 2 } },
    services: list.slice(half),
    style: 'canonical',
    keyFormat: textKey,
  });
  const rows = t1.rows.concat([[null], [null]], t2.rows.slice(offset));
  sheets.push({ ...t1, rows, headerRows: [0, offset] });
}

// 14 Altdaten 2022: hidden, with a valid header (skipped: ausgeblendet)
{
  const rows = [H('LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2022')];
  for (const s of sortByKey(models['Ordnungsamt']).slice(0, 25)) rows.push([s.key || s.keyText, s.name, pick(['Analog', 'PDF', 'Analog', 'Digital'])]);
  sheets.push({ name: 'Altdaten 2022', state: 'hidden', rows, merges: [], hiddenRows: [], headerRows: [0], widths: [18, 60, 20], titleRows: 0 });
}

// ---------------------------------------------------------------------------------------
// Expectation
const expected = expectation.result(sheets, 'Digitalisierungsuebersicht_Demo.xlsx');

// ---------------------------------------------------------------------------------------
// Write the workbook
async function main() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'A 12 – Amt für Digitalisierung und IT';
  wb.lastModifiedBy = 'A 12 – Amt für Digitalisierung und IT';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = 'Digitalisierungsübersicht (Demo)';
  const thin = { style: 'thin', color: { argb: 'FFBFBFBF' } };
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state || 'visible', views: s.freeze ? [{ state: 'frozen', ySplit: s.freeze }] : undefined });
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        ws.getCell(r + 1, c + 1).value = v;
      });
    });
    for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const r of s.hiddenRows) ws.getRow(r + 1).hidden = true;
    (s.widths || []).forEach((w, c) => (ws.getColumn(c + 1).width = w));
    for (const hr of s.headerRows) {
      const row = ws.getRow(hr + 1);
      row.eachCell({ includeEmpty: false }, (cell) => {
        cell.font = { bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
        cell.alignment = { wrapText: true, vertical: 'middle' };
        cell.border = { top: thin, bottom: thin, left: thin, right: thin };
      });
    }
    if (s.titleRows && s.rows[0] && s.rows[0][0]) ws.getCell(1, 1).font = { bold: true, size: 14 };
    if (s.autoFilter) ws.autoFilter = s.autoFilter;
  }
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, expected.file);
  const buffer = await wb.xlsx.writeBuffer();
  fs.writeFileSync(file, normalizeZip(Buffer.from(buffer)));
  fs.writeFileSync(path.join(OUT_DIR, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
  const rowsTotal = sheets.reduce((n, s) => n + s.rows.length, 0);
  console.log(`${path.relative(ROOT, file)}: ${sheets.length} Blätter, ${rowsTotal} Zeilen, ${expected.findings.length} erwartete Prüfhinweise`);
  for (const y of YEARS) console.log(`${y}: ${KEYS7.map((k) => `${k} ${expected.total[y][k]}`).join(', ')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
