/**
 * Message ids (whole numbers 0 … 2^31 − 2) mapped to a small value (1 … 255; 0 means absent), in two typed arrays:
 * an open-addressing hash table with linear probing, about 7–13 bytes per id.
 *
 * Why not a Map or a Set: the delivery-guarantee audit remembers every message id each consumer saw. A JS Map holds
 * at most 2^24 entries (a run past 16.7 M messages through one consumer threw `RangeError: Map maximum size
 * exceeded`) and costs 50–100 bytes per entry; this holds any number of ids the memory allows, at a tenth of it.
 */
const EMPTY = -1;
const MAX_ID = 2 ** 31 - 2;
/** Grow when more than 3/4 of the slots are used (linear probing stays short at that load with this hash). */
const MAX_LOAD_NUM = 3;
const MAX_LOAD_DEN = 4;

export class IdTable {
  private keys: Int32Array;
  private values: Uint8Array;
  private mask: number;
  private shift: number;
  private count = 0;

  constructor(capacity = 16) {
    let bits = 4;
    while (1 << bits < capacity) bits++;
    this.keys = new Int32Array(1 << bits).fill(EMPTY);
    this.values = new Uint8Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  /** Ids held. */
  get size(): number { return this.count; }

  /** The value of `id`, 0 when absent. */
  get(id: number): number {
    const keys = this.keys;
    for (let i = this.slot(id); ; i = (i + 1) & this.mask) {
      const k = keys[i]!;
      if (k === id) return this.values[i]!;
      if (k === EMPTY) return 0;
    }
  }

  has(id: number): boolean { return this.get(id) !== 0; }

  /**
   * Where `id` is: its slot (≥ 0), or, when absent, ~slot of the empty slot it would take (< 0). With `valueAt` and
   * `setAt` a read and a write of one id cost one probe: the audit reads and updates an id per delivery and processing.
   * Valid until the next insertion or deletion.
   */
  locate(id: number): number {
    const keys = this.keys;
    for (let i = this.slot(id); ; i = (i + 1) & this.mask) {
      const k = keys[i]!;
      if (k === id) return i;
      if (k === EMPTY) return ~i;
    }
  }

  /** The value at a place `locate` gave: 0 for an absent id. */
  valueAt(place: number): number { return place >= 0 ? this.values[place]! : 0; }

  /** Sets the value (1 … 255, clamped) of the `id` that `locate` gave `place` for, inserting it when absent. */
  setAt(place: number, id: number, value: number): void {
    if (value <= 0) throw new RangeError('IdTable.setAt: the value must be at least 1 (delete() removes an id)');
    // Checked first: -1 is the empty key, so locate(-1) finds an empty slot as if it held the id.
    if (!(id >= 0 && id <= MAX_ID && Number.isInteger(id))) throw new RangeError(`IdTable: ${id} is not a message id (a whole number from 0 to ${MAX_ID})`);
    const v = value > 255 ? 255 : value;
    if (place >= 0) { this.values[place] = v; return; }
    const i = ~place;
    this.keys[i] = id;
    this.values[i] = v;
    if (++this.count * MAX_LOAD_DEN > this.keys.length * MAX_LOAD_NUM) this.grow();
  }

  /** Sets the value of `id` (1 … 255, clamped; 0 deletes it). */
  set(id: number, value: number): void {
    if (value <= 0) { this.delete(id); return; }
    this.setAt(this.locate(id), id, value);
  }

  /** Removes `id` (backward-shift deletion: no tombstones, so lookups stay as short as if it had never been there). */
  delete(id: number): boolean {
    const keys = this.keys, values = this.values, mask = this.mask;
    let i = this.slot(id);
    for (; ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === id) break;
      if (k === EMPTY) return false;
    }
    // Move each later entry of the probe run back into the hole when its home slot does not lie in (hole, entry].
    for (let j = (i + 1) & mask; ; j = (j + 1) & mask) {
      const k = keys[j]!;
      if (k === EMPTY) break;
      const home = this.slot(k);
      const stays = i <= j ? i < home && home <= j : i < home || home <= j;
      if (stays) continue;
      keys[i] = k;
      values[i] = values[j]!;
      i = j;
    }
    keys[i] = EMPTY;
    values[i] = 0;
    this.count--;
    return true;
  }

  /** Visits every id and its value, in no particular order. */
  forEach(visit: (id: number, value: number) => void): void {
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY) visit(keys[i]!, this.values[i]!);
  }

  /** Fibonacci hashing: message ids are consecutive, and the multiply spreads them over the whole table. */
  private slot(id: number): number {
    return Math.imul(id, 0x9e3779b1) >>> this.shift;
  }

  private grow(): void {
    const oldKeys = this.keys, oldValues = this.values;
    const size = oldKeys.length * 2;
    this.keys = new Int32Array(size).fill(EMPTY);
    this.values = new Uint8Array(size);
    this.mask = size - 1;
    this.shift--;
    this.count = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== EMPTY) this.set(oldKeys[i]!, oldValues[i]!);
  }
}
