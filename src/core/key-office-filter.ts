/**
 * Which valid keys may stand in more than one office, without a map entry per key: each key's
 * 32-bit hash is noted with the first office that counted it (open addressing in two typed
 * arrays). A key counted in a second office is always reported: noted in an office other than
 * its hash's first, or, where its hash came first in that very office through another key, on
 * its own first office. A key that merely shares its hash with another office's key is reported
 * too; the caller's exact check then finds one office for it.
 */
export class KeyOfficeFilter {
  private hashes = new Int32Array(1 << 12);
  /** Office number + 1 of the slot's first key; 0: an empty slot. */
  private offices = new Int32Array(1 << 12);
  private size = 0;

  /** Notes `key`, counted in office number `office` for the first time; true where it may stand in another office too. */
  note(key: string, office: number): boolean {
    if (2 * (this.size + 1) > this.hashes.length) this.grow();
    const h = hash(key);
    const at = this.slot(h);
    if (this.offices[at] === 0) {
      this.hashes[at] = h;
      this.offices[at] = office + 1;
      this.size++;
      return false;
    }
    return this.offices[at] !== office + 1;
  }

  /** The slot holding hash `h`, else the empty slot where it belongs. */
  private slot(h: number): number {
    const mask = this.hashes.length - 1;
    let i = h & mask;
    while (this.offices[i] !== 0 && this.hashes[i] !== h) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const { hashes, offices } = this;
    this.hashes = new Int32Array(hashes.length * 2);
    this.offices = new Int32Array(hashes.length * 2);
    for (let i = 0; i < hashes.length; i++) {
      if (offices[i] === 0) continue;
      const at = this.slot(hashes[i]!);
      this.hashes[at] = hashes[i]!;
      this.offices[at] = offices[i]!;
    }
  }
}

/** FNV-1a over the UTF-16 code units. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h;
}
