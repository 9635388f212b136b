/**
 * The pending-event set: a binary min-heap in struct-of-arrays typed storage, ordered by
 * (time, priority, sequence). Priority and sequence are packed into one float64 order key
 * (priority × 2^44 + sequence), exact while sequence < 2^44 and priority < 2^9, so two compares
 * give a total, reproducible order. Payload objects sit in a slot table and the heap moves only
 * the slot number, so sifting moves numbers, never object references.
 */
const SEQ_SPAN = 2 ** 44;
export const MAX_PRIORITY = 511;
/** Node index and event type share one int32: 20 bits of node, 11 of type (+1 so the kernel's -1 fits). */
const TARGET_BITS = 20;
const TARGET_MASK = (1 << TARGET_BITS) - 1;
export const MAX_TARGETS = TARGET_MASK; // the top value encodes "the kernel" (-1)

export class EventQueue {
  private time: Float64Array;
  private order: Float64Array;
  private meta: Int32Array;
  private arg: Int32Array;
  private slot: Int32Array;
  private payloads: unknown[] = [];
  private freeSlots: number[] = [];
  private n = 0;
  private seq = 0;

  /** Fields of the event last removed by pop(). */
  popTime = 0;
  popTarget = 0;
  popType = 0;
  popArg = 0;
  popPayload: unknown = null;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.order = new Float64Array(capacity);
    this.meta = new Int32Array(capacity);
    this.arg = new Int32Array(capacity);
    this.slot = new Int32Array(capacity);
  }

  get size(): number { return this.n; }

  peekTime(): number { return this.n > 0 ? this.time[0]! : Infinity; }

  /** `target` is a node index or -1 for the kernel; `type` in -1…1022; `arg` an int32. */
  push(t: number, priority: number, target: number, type: number, payload: unknown, arg: number): void {
    if (this.n === this.time.length) this.grow();
    const ord = priority * SEQ_SPAN + this.seq++;
    const meta = ((type + 1) << TARGET_BITS) | (target & TARGET_MASK);
    let s = -1;
    if (payload !== null) {
      s = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.payloads.length;
      this.payloads[s] = payload;
    }
    const time = this.time, order = this.order;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = time[p]!;
      if (pt < t || (pt === t && order[p]! < ord)) break;
      time[i] = pt; order[i] = order[p]!; this.meta[i] = this.meta[p]!; this.arg[i] = this.arg[p]!; this.slot[i] = this.slot[p]!;
      i = p;
    }
    time[i] = t; order[i] = ord; this.meta[i] = meta; this.arg[i] = arg; this.slot[i] = s;
  }

  /** Removes the first event and exposes it through the pop* fields. Call only when size > 0. */
  pop(): void {
    const time = this.time, order = this.order, metaA = this.meta, argA = this.arg, slotA = this.slot;
    this.popTime = time[0]!;
    const meta = metaA[0]!;
    const target = meta & TARGET_MASK;
    this.popTarget = target === TARGET_MASK ? -1 : target;
    this.popType = (meta >> TARGET_BITS) - 1;
    this.popArg = argA[0]!;
    const s = slotA[0]!;
    if (s >= 0) { this.popPayload = this.payloads[s]; this.payloads[s] = null; this.freeSlots.push(s); }
    else this.popPayload = null;
    const m = --this.n;
    if (m === 0) return;
    const lt = time[m]!, lo = order[m]!, lmeta = metaA[m]!, larg = argA[m]!, lslot = slotA[m]!;
    let i = 0;
    for (;;) {
      let l = 2 * i + 1;
      if (l >= m) break;
      const r = l + 1;
      if (r < m && (time[r]! < time[l]! || (time[r] === time[l] && order[r]! < order[l]!))) l = r;
      const ct = time[l]!;
      if (lt < ct || (lt === ct && lo < order[l]!)) break;
      time[i] = ct; order[i] = order[l]!; metaA[i] = metaA[l]!; argA[i] = argA[l]!; slotA[i] = slotA[l]!;
      i = l;
    }
    time[i] = lt; order[i] = lo; metaA[i] = lmeta; argA[i] = larg; slotA[i] = lslot;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const time = new Float64Array(cap); time.set(this.time); this.time = time;
    const order = new Float64Array(cap); order.set(this.order); this.order = order;
    const meta = new Int32Array(cap); meta.set(this.meta); this.meta = meta;
    const arg = new Int32Array(cap); arg.set(this.arg); this.arg = arg;
    const slot = new Int32Array(cap); slot.set(this.slot); this.slot = slot;
  }
}
