import type { Cell } from './grid';
import { fold } from './fold';

/** What a key cell holds (SPEC §4 rule 4). */
export type KeyReading =
  | { readonly kind: 'valid'; readonly key: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly written: string };

const NO_KEY_WORDS = new Set(['nicht im leika']);

/**
 * Normalises a key: spaces, dots, hyphens and apostrophes removed; a numeric cell is
 * read as its integer digits. Idempotent on its own output.
 */
export function normalizeKey(cell: Cell | undefined): string {
  if (typeof cell === 'number') return Number.isFinite(cell) ? BigInt(Math.trunc(cell)).toString() : '';
  if (typeof cell !== 'string') return cell === null || cell === undefined ? '' : typeof cell === 'boolean' ? String(cell) : cell.code;
  return cell.replace(/[\s\u200b-\u200d\u2060.\-\u2010-\u2015\u2212'\u2018\u2019`´]/g, '');
}

/** Valid = 14 digits starting with 99. */
export function isValidKey(key: string): boolean {
  return key.length === 14 && /^99\d{12}$/.test(key);
}

export function readKey(cell: Cell): KeyReading {
  // most key cells hold the 14 digits alone: nothing to remove
  if (typeof cell === 'string' && isValidKey(cell)) return { kind: 'valid', key: cell };
  const key = normalizeKey(cell);
  if (key === '') return { kind: 'missing' };
  if (isValidKey(key)) return { kind: 'valid', key };
  if (typeof cell === 'string' && NO_KEY_WORDS.has(fold(cell))) return { kind: 'missing' };
  return { kind: 'invalid', written: typeof cell === 'string' ? cell.trim() : key };
}

export type KeyKind = 'LO' | 'LOV' | 'LOVD';

/** Parts of a valid key: Leistungsobjekt (digits 1–8), Verrichtung, Verrichtungsdetail. */
export interface KeyParts {
  readonly leistungsobjekt: string;
  readonly verrichtung: string;
  readonly verrichtungsdetail: string;
  readonly kind: KeyKind;
}

export function keyParts(key: string): KeyParts | undefined {
  if (!isValidKey(key)) return undefined;
  const verrichtung = key.slice(8, 11);
  const verrichtungsdetail = key.slice(11, 14);
  const kind: KeyKind = verrichtung === '000' && verrichtungsdetail === '000' ? 'LO' : verrichtungsdetail === '000' ? 'LOV' : 'LOVD';
  return { leistungsobjekt: leistungsobjektOf(key), verrichtung, verrichtungsdetail, kind };
}

/** The Leistungsobjekt of a key: its digits 1–8 (`99067004` of `99067004001000`). */
export function leistungsobjektOf(key: string): string {
  return key.slice(0, 8);
}

/** The key that stands for a Leistungsobjekt itself (`99067004000000`). */
export function leistungsobjektKey(leistungsobjekt: string): string {
  return `${leistungsobjekt}000000`;
}

/** The key of a key's Leistungsobjekt with its Verrichtung (`99067004001000` of `99067004001002`). */
export function verrichtungKey(key: string): string {
  return `${key.slice(0, 11)}000`;
}
