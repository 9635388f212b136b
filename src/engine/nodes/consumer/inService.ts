import type { Delivery } from './delivery';

/**
 * The deliveries being processed, one slot each: add and remove are O(1) without hashing (a Set cost
 * measurable time per message), and a delivery removed early (the consumer went offline) is recognised
 * when its completion event fires later.
 */
export class InService {
  private readonly slots: (Delivery | null)[] = [];
  private readonly free: number[] = [];
  private count = 0;

  get size(): number { return this.count; }

  add(d: Delivery): void {
    const slot = this.free.length > 0 ? this.free.pop()! : this.slots.length;
    this.slots[slot] = d;
    d.slot = slot;
    this.count++;
  }

  /** True while `d` is in service (false once it was given back early). */
  holds(d: Delivery): boolean { return d.slot >= 0 && this.slots[d.slot] === d; }

  /** Removes `d`; false when it was no longer in service. */
  delete(d: Delivery): boolean {
    if (!this.holds(d)) return false;
    this.slots[d.slot] = null;
    this.free.push(d.slot);
    d.slot = -1;
    this.count--;
    return true;
  }

  forEach(visit: (d: Delivery) => void): void {
    for (const d of this.slots) if (d) visit(d);
  }

  /** Removes and returns the deliveries in service that `match`. */
  takeWhere(match: (d: Delivery) => boolean): Delivery[] {
    const taken: Delivery[] = [];
    this.forEach((d) => { if (match(d)) taken.push(d); });
    for (const d of taken) this.delete(d);
    return taken;
  }

  /** Removes and returns every delivery in service. */
  takeAll(): Delivery[] {
    const all: Delivery[] = [];
    this.forEach((d) => all.push(d));
    for (const d of all) this.delete(d);
    return all;
  }
}
