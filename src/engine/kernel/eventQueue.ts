/**
 * The pending-event set: a binary min-heap in struct-of-arrays typed storage, ordered by
 * (time, priority, sequence). Priority and sequence are packed into one float64 order key
 * (priority × 2^44 + sequence), exact while sequence < 2^44 and priority < 2^9, so two compares
 * give a total, reproducible order and scheduling allocates nothing but the occasional growth.
 */
const SEQ_SPAN = 2 ** 44;
export const MAX_PRIORITY = 511;

export class EventQueue {
  private time: Float64Array;
  private order: Float64Array;
  private target: Int32Array;
  private type: Int32Array;
  private arg: Float64Array;
  private payload: unknown[];
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
    this.target = new Int32Array(capacity);
    this.type = new Int32Array(capacity);
    this.arg = new Float64Array(capacity);
    this.payload = new Array<unknown>(capacity).fill(null);
  }

  get size(): number { return this.n; }

  peekTime(): number { return this.n > 0 ? this.time[0]! : Infinity; }

  push(t: number, priority: number, target: number, type: number, payload: unknown, arg: number): void {
    if (this.n === this.time.length) this.grow();
    const ord = priority * SEQ_SPAN + this.seq++;
    const time = this.time, order = this.order;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = time[p]!;
      if (pt < t || (pt === t && order[p]! < ord)) break;
      this.move(p, i);
      i = p;
    }
    time[i] = t; order[i] = ord; this.target[i] = target; this.type[i] = type; this.arg[i] = arg; this.payload[i] = payload;
  }

  /** Removes the first event and exposes it through the pop* fields. Call only when size > 0. */
  pop(): void {
    const time = this.time, order = this.order;
    this.popTime = time[0]!; this.popTarget = this.target[0]!; this.popType = this.type[0]!;
    this.popArg = this.arg[0]!; this.popPayload = this.payload[0];
    const m = --this.n;
    if (m === 0) { this.payload[0] = null; return; }
    const lt = time[m]!, lo = order[m]!, ltarget = this.target[m]!, ltype = this.type[m]!, larg = this.arg[m]!, lpay = this.payload[m];
    this.payload[m] = null;
    let i = 0;
    for (;;) {
      let l = 2 * i + 1;
      if (l >= m) break;
      const r = l + 1;
      if (r < m && (time[r]! < time[l]! || (time[r] === time[l] && order[r]! < order[l]!))) l = r;
      const ct = time[l]!;
      if (lt < ct || (lt === ct && lo < order[l]!)) break;
      this.move(l, i);
      i = l;
    }
    time[i] = lt; order[i] = lo; this.target[i] = ltarget; this.type[i] = ltype; this.arg[i] = larg; this.payload[i] = lpay;
  }

  private move(from: number, to: number): void {
    this.time[to] = this.time[from]!; this.order[to] = this.order[from]!; this.target[to] = this.target[from]!;
    this.type[to] = this.type[from]!; this.arg[to] = this.arg[from]!; this.payload[to] = this.payload[from];
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const time = new Float64Array(cap); time.set(this.time); this.time = time;
    const order = new Float64Array(cap); order.set(this.order); this.order = order;
    const target = new Int32Array(cap); target.set(this.target); this.target = target;
    const type = new Int32Array(cap); type.set(this.type); this.type = type;
    const arg = new Float64Array(cap); arg.set(this.arg); this.arg = arg;
    this.payload.length = cap;
    this.payload.fill(null, this.n);
  }
}
