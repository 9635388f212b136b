/**
 * The pending-event set: a binary min-heap in struct-of-arrays typed storage, ordered by
 * (time, priority, sequence). Priority and sequence are packed into one float64 order key
 * (priority × 2^44 + sequence), exact while sequence < 2^44 and priority < 2^9, so two compares
 * give a total, reproducible order.
 *
 * The heap holds three numbers per event (time, order key, record number); what the event carries
 * (target and type, argument, payload) sits in a record table that sifting never touches. Sifting is
 * the kernel's inner loop: moving three numbers a level instead of five was measurable in mm1-200.
 * Records are reused through a free list, so the table is as large as the most events pending at once.
 */
const SEQ_SPAN = 2 ** 44;
export const MAX_PRIORITY = 511;
/** Node index and event type share one int32: 20 bits of node, 11 of type (+1 so the kernel's -1 fits). */
const TARGET_BITS = 20;
const TARGET_MASK = (1 << TARGET_BITS) - 1;
export const MAX_TARGETS = TARGET_MASK; // the top value encodes "the kernel" (-1)

export class EventQueue {
  // The heap, by position.
  private time: Float64Array;
  private order: Float64Array;
  private rec: Int32Array;
  // The records, by record number.
  private recMeta: Int32Array;
  private recArg: Int32Array;
  private readonly payloads: unknown[] = [];
  private freeRecs: Int32Array;
  private freeCount = 0;
  private recCount = 0;
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
    this.rec = new Int32Array(capacity);
    this.recMeta = new Int32Array(capacity);
    this.recArg = new Int32Array(capacity);
    this.freeRecs = new Int32Array(capacity);
  }

  get size(): number { return this.n; }

  peekTime(): number { return this.n > 0 ? this.time[0]! : Infinity; }

  /** `target` is a node index or -1 for the kernel; `type` in -1…1022; `arg` an int32. */
  push(t: number, priority: number, target: number, type: number, payload: unknown, arg: number): void {
    if (this.n === this.time.length) this.grow();
    const ord = priority * SEQ_SPAN + this.seq++;
    const r = this.freeCount > 0 ? this.freeRecs[--this.freeCount]! : this.recCount++;
    this.recMeta[r] = ((type + 1) << TARGET_BITS) | (target & TARGET_MASK);
    this.recArg[r] = arg;
    this.payloads[r] = payload;
    const time = this.time, order = this.order, rec = this.rec;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = time[p]!;
      if (pt < t || (pt === t && order[p]! < ord)) break;
      time[i] = pt; order[i] = order[p]!; rec[i] = rec[p]!;
      i = p;
    }
    time[i] = t; order[i] = ord; rec[i] = r;
  }

  /** Removes the first event and exposes it through the pop* fields. Call only when size > 0. */
  pop(): void {
    const time = this.time, order = this.order, rec = this.rec;
    this.popTime = time[0]!;
    const r = rec[0]!;
    const meta = this.recMeta[r]!;
    const target = meta & TARGET_MASK;
    this.popTarget = target === TARGET_MASK ? -1 : target;
    this.popType = (meta >> TARGET_BITS) - 1;
    this.popArg = this.recArg[r]!;
    this.popPayload = this.payloads[r];
    this.payloads[r] = null; // no reference kept: the payload can be collected
    this.freeRecs[this.freeCount++] = r;
    const m = --this.n;
    if (m === 0) return;
    const lt = time[m]!, lo = order[m]!, lrec = rec[m]!;
    let i = 0;
    for (;;) {
      let l = 2 * i + 1;
      if (l >= m) break;
      const rr = l + 1;
      if (rr < m && (time[rr]! < time[l]! || (time[rr] === time[l] && order[rr]! < order[l]!))) l = rr;
      const ct = time[l]!;
      if (lt < ct || (lt === ct && lo < order[l]!)) break;
      time[i] = ct; order[i] = order[l]!; rec[i] = rec[l]!;
      i = l;
    }
    time[i] = lt; order[i] = lo; rec[i] = lrec;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const time = new Float64Array(cap); time.set(this.time); this.time = time;
    const order = new Float64Array(cap); order.set(this.order); this.order = order;
    const rec = new Int32Array(cap); rec.set(this.rec); this.rec = rec;
    const meta = new Int32Array(cap); meta.set(this.recMeta); this.recMeta = meta;
    const arg = new Int32Array(cap); arg.set(this.recArg); this.recArg = arg;
    const free = new Int32Array(cap); free.set(this.freeRecs); this.freeRecs = free;
  }
}
