import { hash } from './key-office-filter';
import { grown } from './record-table';

/** What `FirstRecords` reads of a record, by its position. */
export interface KeyedRecords {
  office(i: number): string;
  key(i: number): string;
  year(i: number): number;
}

/** How many years of one key and office are found by the chain of a slot; past it, by a joined string. */
const CHAINED_YEARS = 8;

/**
 * The first counted record of each valid key, office and year (SPEC §4 rule 5), by position,
 * without a map entry per key: open addressing over (office, key) in typed arrays, each slot
 * holding the position of the key's first record in the office, and the key's first records of
 * further years chained from it. At 100,000 rows a map per office and year took ~10 MB that
 * outlived the young generation; these arrays are outside the JavaScript heap.
 */
export class FirstRecords {
  /** Slot i: the hash of (office, key) at 2i, 1 + the position of the key's first record in the office at 2i + 1 (0: empty). */
  private slots: Int32Array<ArrayBuffer>;
  /** Slot i: the number of its (office, key), 0, 1, … in order of first lookup. */
  private ids: Int32Array<ArrayBuffer>;
  private size = 0;
  /** By position: 1 + the position of the next first record (a further year) of the same office and key, else 0. */
  private next: Int32Array<ArrayBuffer>;
  /** Office, year and key → first record, for a key counted in more than CHAINED_YEARS years of an office. */
  private readonly beyondChain = new Map<string, number>();
  /** Whether the last `firstOf` met its key in its office for the first time (in any year). */
  newInOffice = false;
  /** The hash of the last `firstOf`'s key (`hash` of key-office-filter.ts). */
  keyHash = 0;
  /** The number of the last `firstOf`'s office and key (the same for every year): 0, 1, … in order of first lookup. */
  keyId = 0;

  /** `slotBits`: log2 of the slots to start with (tests start small, to grow and wrap around). */
  constructor(
    private readonly records: KeyedRecords,
    slotBits = 14,
  ) {
    this.slots = new Int32Array(2 << slotBits);
    this.ids = new Int32Array(1 << slotBits);
    this.next = new Int32Array(2 << slotBits);
  }

  /**
   * The position of the first record of `key` in office `office` (number `officeNumber`) and
   * `year`, else -1: then the record at position `at` (not yet among `records`) becomes it.
   */
  firstOf(office: string, officeNumber: number, key: string, year: number, at: number): number {
    if (4 * (this.size + 1) > this.slots.length) this.grow();
    const { records } = this;
    const h = (this.keyHash = hash(key)) ^ Math.imul(officeNumber + 1, 0x9e3779b1);
    const s = this.slot(h, office, key);
    const head = this.slots[s + 1]! - 1;
    this.newInOffice = head < 0;
    if (head < 0) {
      this.slots[s] = h;
      this.slots[s + 1] = at + 1;
      this.keyId = this.ids[s >> 1] = this.size++;
      return -1;
    }
    this.keyId = this.ids[s >> 1]!;
    let last = head;
    let chained = 1;
    for (let p = head; p >= 0; p = this.next[p]! - 1, chained++) {
      if (records.year(p) === year) return p;
      last = p;
    }
    if (chained <= CHAINED_YEARS) {
      if (at >= this.next.length) this.next = grown(this.next, at + 1);
      if (last >= this.next.length) this.next = grown(this.next, last + 1);
      this.next[last] = at + 1;
      return -1;
    }
    const officeYearKey = `${office}\u0000${year}\u0000${key}`;
    const first = this.beyondChain.get(officeYearKey);
    if (first !== undefined) return first;
    this.beyondChain.set(officeYearKey, at);
    return -1;
  }

  /** The slot of (office, key) with hash `h`, else the empty slot where it belongs. */
  private slot(h: number, office: string, key: string): number {
    const { slots, records } = this;
    const mask = slots.length - 2;
    let i = (h << 1) & mask;
    for (;;) {
      const head = slots[i + 1]! - 1;
      if (head < 0) return i;
      if (slots[i] === h && records.key(head) === key && records.office(head) === office) return i;
      i = (i + 2) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    const oldIds = this.ids;
    // four times the size: 100,000 keys grow it twice
    this.slots = new Int32Array(old.length * 4);
    this.ids = new Int32Array(oldIds.length * 4);
    const mask = this.slots.length - 2;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === 0) continue;
      let j = (old[i]! << 1) & mask;
      while (this.slots[j + 1] !== 0) j = (j + 2) & mask;
      this.slots[j] = old[i]!;
      this.slots[j + 1] = old[i + 1]!;
      this.ids[j >> 1] = oldIds[i >> 1]!;
    }
  }
}
