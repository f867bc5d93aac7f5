/**
 * Which valid keys may stand in more than one office, without a map entry per key: each key's
 * 32-bit hash is noted with the first office that counted it (open addressing in a typed array).
 * A key counted in a second office is always reported: noted in an office other than its hash's
 * first, or, where its hash came first in that very office through another key, on its own first
 * office. A key that merely shares its hash with another office's key is reported too; the
 * caller's exact check then finds one office for it.
 */
export class KeyOfficeFilter {
  /** Slot i: the hash at 2i, the office number + 1 of its first key at 2i + 1 (0: an empty slot). */
  private slots: Int32Array<ArrayBuffer>;
  private size = 0;

  /** `slotBits`: log2 of the slots to start with. */
  constructor(slotBits = 14) {
    this.slots = new Int32Array(2 << slotBits);
  }

  /**
   * Notes `key` (whose `hash` is `h`), counted in office number `office` for the first time;
   * true where it may stand in another office too.
   */
  note(key: string, office: number, h = hash(key)): boolean {
    if (4 * (this.size + 1) > this.slots.length) this.grow();
    const at = this.slot(h);
    if (this.slots[at + 1] === 0) {
      this.slots[at] = h;
      this.slots[at + 1] = office + 1;
      this.size++;
      return false;
    }
    return this.slots[at + 1] !== office + 1;
  }

  /** The index of the slot holding hash `h`, else of the empty slot where it belongs. */
  private slot(h: number): number {
    const { slots } = this;
    const mask = slots.length - 2;
    let i = (h << 1) & mask;
    while (slots[i + 1] !== 0 && slots[i] !== h) i = (i + 2) & mask;
    return i;
  }

  private grow(): void {
    const old = this.slots;
    // four times the size: a workbook of 100,000 keys grows it twice
    this.slots = new Int32Array(old.length * 4);
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === 0) continue;
      const at = this.slot(old[i]!);
      this.slots[at] = old[i]!;
      this.slots[at + 1] = old[i + 1]!;
    }
  }
}

/** FNV-1a over the UTF-16 code units. */
export function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h;
}
