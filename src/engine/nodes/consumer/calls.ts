import type { Delivery } from './delivery';

/**
 * Synchronous calls a consumer is waiting on, by the call request's id (its Correlation Identifier,
 * A4): each holds the slot of the delivery that made it until the reply comes or the call times out.
 */
export class OutstandingCalls {
  private readonly byId = new Map<number, Delivery>();

  get size(): number { return this.byId.size; }

  begin(d: Delivery, callId: number): void {
    d.callId = callId;
    this.byId.set(callId, d);
  }

  /** The delivery whose call `correlationId` answers, removed; undefined when none waits (a late reply). */
  take(correlationId: number): Delivery | undefined {
    const d = this.byId.get(correlationId);
    if (d === undefined) return undefined;
    this.byId.delete(correlationId);
    d.callId = -1;
    return d;
  }

  /** Stops waiting on `d`'s call, if it still waits; true when it did. */
  cancel(d: Delivery): boolean {
    if (d.callId < 0 || this.byId.get(d.callId) !== d) return false;
    this.take(d.callId);
    return true;
  }
}
