#!/usr/bin/env node
/**
 * The manifest for deployment: every `https://localhost:3000/` replaced by the production URL.
 * Used by webpack.config.js (copy to dist/manifest.xml) and runnable alone:
 *   LEIKA_ADDIN_URL=https://addins.kreis.example/leika/ node scripts/build-manifest.js [out]
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const DEV_URL = 'https://localhost:3000/';

/** Checks the URL (https, ends with `/`) and returns the manifest text with it in place of the dev URL. */
function productionManifest(xml, url) {
  if (!url) return xml;
  let u;
  try {
    u = new URL(url);
  } catch (cause) {
    throw new Error(`LEIKA_ADDIN_URL ist keine gültige Adresse: ${url}`, { cause });
  }
  if (u.protocol !== 'https:') throw new Error(`LEIKA_ADDIN_URL muss mit https:// beginnen: ${url}`);
  const base = u.href.endsWith('/') ? u.href : `${u.href}/`;
  // AppDomain is written without the trailing slash
  return xml.split(DEV_URL).join(base).split(DEV_URL.slice(0, -1)).join(u.origin);
}

module.exports = { productionManifest, DEV_URL };

if (require.main === module) {
  const root = path.join(__dirname, '..');
  const out = process.argv[2] ?? path.join(root, 'dist', 'manifest.xml');
  const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, productionManifest(xml, process.env.LEIKA_ADDIN_URL));
  console.log(`${out} (${process.env.LEIKA_ADDIN_URL ?? DEV_URL})`);
}
