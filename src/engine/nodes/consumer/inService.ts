import type { Delivery } from './delivery';

/**
 * The deliveries being processed, one slot each, and how long the slots are busy (for utilisation = busy
 * slot-time / (slots × time)). Add and remove are O(1) without hashing (a Set cost measurable time per
 * message), and a delivery removed early (the consumer went offline) is recognised when its completion
 * event fires later. Busy time is integrated here, where slots are taken and freed, so a delivery
 * touches one object for both.
 *
 * One slot (concurrency 1, the usual case) is the field `only`, in slot 0: its delivery then touches this
 * object alone, not the slot and free-slot arrays too (two more objects per message, with hundreds of
 * consumers each a likely cache miss: docs/PERFORMANCE.md, "Locality").
 */
export class InService {
  private count = 0;
  /** Busy slot-time up to `since`. */
  private area = 0;
  private since = 0;
  /** The delivery in service when there is one slot. */
  private only: Delivery | null = null;
  private readonly single: boolean;
  private readonly slots: (Delivery | null)[] = [];
  private readonly free: number[] = [];

  constructor(private readonly capacity: number) {
    this.single = capacity === 1;
  }

  get size(): number { return this.count; }

  add(d: Delivery, now: number): void {
    this.integrate(now);
    if (this.single) {
      // The consumer starts a delivery only with a slot free (begin's callers check size < concurrency).
      if (this.only !== null) throw new Error('InService: a delivery was started while its one slot was busy');
      this.only = d; d.slot = 0;
    } else this.take(d);
    this.count++;
  }

  /**
   * True while `d` is in service (false once it was given back early). Its slot number says so alone: a
   * delivery is added once and delete marks it -1; its record is reused for another delivery only after its own
   * completion has fired (ConsumerModel.done), so a completion still pending always finds its delivery at -1.
   */
  holds(d: Delivery): boolean { return d.slot >= 0; }

  /** Removes `d`; false when it was no longer in service. */
  delete(d: Delivery, now: number): boolean {
    if (!this.holds(d)) return false;
    this.integrate(now);
    if (this.single) this.only = null;
    else { this.slots[d.slot] = null; this.free.push(d.slot); }
    d.slot = -1;
    this.count--;
    return true;
  }

  utilisation(now: number): number {
    if (now <= 0) return 0;
    return (this.area + this.count * (now - this.since)) / (this.capacity * now);
  }

  forEach(visit: (d: Delivery) => void): void {
    if (this.single) { if (this.only) visit(this.only); return; }
    for (const d of this.slots) if (d) visit(d);
  }

  /** Whether some delivery in service matches. */
  some(match: (d: Delivery) => boolean): boolean {
    if (this.single) return this.only !== null && match(this.only);
    for (const d of this.slots) if (d && match(d)) return true;
    return false;
  }

  /** Removes and returns the deliveries in service that `match`. */
  takeWhere(match: (d: Delivery) => boolean, now: number): Delivery[] {
    const taken: Delivery[] = [];
    this.forEach((d) => { if (match(d)) taken.push(d); });
    for (const d of taken) this.delete(d, now);
    return taken;
  }

  /** Removes and returns every delivery in service. */
  takeAll(now: number): Delivery[] { return this.takeWhere(() => true, now); }

  /** Puts `d` in a free slot (the one freed last) of several. */
  private take(d: Delivery): void {
    const slot = this.free.length > 0 ? this.free.pop()! : this.slots.length;
    this.slots[slot] = d;
    d.slot = slot;
  }

  /** Adds the busy slot-time since the last change, before the number of busy slots changes. */
  private integrate(now: number): void {
    this.area += this.count * (now - this.since);
    this.since = now;
  }
}
