'use strict';
/*
 * Services for the demo from the catalogue extract in ../shared/leika (read at generation
 * time, never copied into the repository): each key and each keyless name is handed out once.
 */
const fs = require('fs');
const { parse } = require('csv-parse/sync');
const { shuffle } = require('./random');

/** Reads the catalogue; `reservedPrefixes` are Leistungsobjekte kept back for the refinement rows. */
function loadCatalog(file, reservedPrefixes) {
  const catalogRows = parse(fs.readFileSync(file, 'utf8'), { delimiter: ';', columns: true, relax_quotes: true });
  const byKey = new Map();
  const noKeyServices = [];
  for (const r of catalogRows) {
    const key = String(r.leika_schluessel || '').trim();
    const name = String(r.leika_bezeichnung || '').replace(/\s+/g, ' ').trim();
    if (!name || name.length > 110) continue;
    const entry = { key, name, lebenslage: r.lebenslage || '', themenfeld: r.themenfeld || '' };
    if (/^99\d{12}$/.test(key)) {
      if (!byKey.has(key)) byKey.set(key, entry);
    } else if (key === 'nicht im LeiKa') {
      if (!noKeyServices.some((e) => e.name === name)) noKeyServices.push(entry);
    }
  }
  const catalog = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const used = new Set();
  const usedNoKey = new Set();
  const isReserved = (key) => reservedPrefixes.some((lo) => key.startsWith(lo));

  function topicPool(filter) {
    return catalog.filter((e) => !isReserved(e.key) && filter(e));
  }
  function takeServices(filter, n, fallbackFilter) {
    const out = [];
    for (const pool of [shuffle(topicPool(filter)), shuffle(topicPool(fallbackFilter || (() => true)))]) {
      for (const e of pool) {
        if (out.length >= n) break;
        if (used.has(e.key)) continue;
        used.add(e.key);
        out.push({ key: e.key, name: e.name });
      }
    }
    if (out.length < n) throw new Error(`catalogue too small for ${n} services`);
    return out;
  }
  function takeNoKey(filter, n) {
    const out = [];
    for (const e of shuffle(noKeyServices.filter(filter))) {
      if (out.length >= n) break;
      if (usedNoKey.has(e.name)) continue;
      usedNoKey.add(e.name);
      out.push({ key: null, keyText: 'nicht im LeiKa', name: e.name });
    }
    return out;
  }
  return {
    /** The catalogue entry of a key. */
    entry: (key) => byKey.get(key),
    /** Keeps a key from being handed out. */
    reserve: (key) => used.add(key),
    takeServices,
    takeNoKey,
    /** Every catalogue entry under one Leistungsobjekt (the key's first 8 digits). */
    loServices: (lo) => catalog.filter((e) => e.key.startsWith(lo)),
  };
}

const ll = (...names) => (e) => names.includes(e.lebenslage);
const tf = (...names) => (e) => names.includes(e.themenfeld);
const nm = (re) => (e) => re.test(e.name);
const any = (...fs) => (e) => fs.some((f) => f(e));

module.exports = { loadCatalog, ll, tf, nm, any };
