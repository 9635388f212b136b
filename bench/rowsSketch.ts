/**
 * An experiment, not the engine: mm1-200's producer → queue → consumer chains with the work the broker model
 * does per message (a message of the engine's hot fields written at publish and read at delivery and ack;
 * the queue's ready list, counters, round-robin dispatch within a prefetch; the consumer's slots, busy time,
 * counters; both histograms), written the way docs/PERFORMANCE.md's typed-row plan would: messages as rows
 * of typed columns freed at ack, each kind's state in typed arrays indexed by node. It draws the same
 * customers as mm1-200 (same streams), so its mean latency must equal mm1-200's. It measures the ceiling the
 * plan could reach on the present kernel ("Plan: typed rows").
 */
import { EventQueue } from '../src/engine/kernel/eventQueue';
import { LatencyRegistry, type LatencyHistogram } from '../src/engine/metrics/latencyHistogram';
import { exponential } from '../src/engine/random/distributions';
import { streamFor, type Random } from '../src/engine/random/prng';

const PUBLISH = 1;
const DONE = 2;

/** Messages as rows: the columns mm1-200's path reads or writes; rows reused through a free list. */
class MessageRows {
  id = new Int32Array(1024); originAt = new Float64Array(1024); publishedAt = new Float64Array(1024);
  enqueuedAt = new Float64Array(1024); expiresAt = new Float64Array(1024); deliveryCount = new Int32Array(1024);
  queueSeq = new Int32Array(1024); sizeBytes = new Int32Array(1024); priority = new Int32Array(1024);
  routingKey = new Int32Array(1024); flags = new Uint8Array(1024);
  private free: number[] = [];
  private n = 0;

  alloc(): number {
    if (this.free.length > 0) return this.free.pop()!;
    if (this.n === this.id.length) this.grow();
    return this.n++;
  }

  release(row: number): void { this.free.push(row); }

  /** Rows ever taken: the most messages alive at once. */
  get size(): number { return this.n; }

  private grow(): void {
    const twice = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => { const b = new (a.constructor as new (n: number) => T)(a.length * 2); b.set(a); return b; };
    this.id = twice(this.id); this.originAt = twice(this.originAt); this.publishedAt = twice(this.publishedAt);
    this.enqueuedAt = twice(this.enqueuedAt); this.expiresAt = twice(this.expiresAt); this.deliveryCount = twice(this.deliveryCount);
    this.queueSeq = twice(this.queueSeq); this.sizeBytes = twice(this.sizeBytes); this.priority = twice(this.priority);
    this.routingKey = twice(this.routingKey); this.flags = twice(this.flags);
  }
}

/** Runs `events` events of `chains` chains; wall seconds, the mean end-to-end latency and the rows it needed. */
export function rowsSketch(chains: number, arrivalMs: number, serviceMs: number, events: number, seed = 42): { seconds: number; meanLatencyMs: number; rows: number } {
  const q = new EventQueue(4096);
  const m = new MessageRows();
  const arrivals: Random[] = []; const service: Random[] = [];
  // Per chain, one slot each (the producer, queue and consumer of chain i all index by i).
  const published = new Float64Array(chains), qIn = new Float64Array(chains), qOut = new Float64Array(chains), qAcked = new Float64Array(chains);
  const qSeq = new Int32Array(chains), unacked = new Int32Array(chains), busy = new Int32Array(chains), cAcked = new Float64Array(chains);
  const busySince = new Float64Array(chains), busyMs = new Float64Array(chains), maxReady = new Int32Array(chains);
  const ready: Int32Array[] = []; const head = new Int32Array(chains), tail = new Int32Array(chains);
  // Histograms come from registries, as the engine's do (one bucket slab for each registry's histograms).
  const waitRegistry = new LatencyRegistry(), endToEndRegistry = new LatencyRegistry();
  const wait: LatencyHistogram[] = []; const endToEnd: LatencyHistogram[] = [];
  for (let i = 0; i < chains; i++) {
    arrivals.push(streamFor(seed, `p${i}`, 'arrival')); service.push(streamFor(seed, `c${i}`, 'service'));
    ready.push(new Int32Array(16)); wait.push(waitRegistry.create()); endToEnd.push(endToEndRegistry.create());
  }
  let ids = 0; let acked = 0; let pub = 0;
  const PREFETCH = 1;

  const dispatch = (i: number, now: number) => {
    while (head[i]! < tail[i]! && unacked[i]! < PREFETCH) {
      const r = ready[i]![head[i]!++]!;
      if (head[i] === tail[i]) { head[i] = 0; tail[i] = 0; }
      wait[i]!.record(now - m.enqueuedAt[r]!);
      if (m.deliveryCount[r]! > 0) m.flags[r] = m.flags[r]! | 1; // redelivered
      m.deliveryCount[r] = m.deliveryCount[r]! + 1;
      qOut[i] = qOut[i]! + 1; unacked[i] = unacked[i]! + 1;
      // The consumer takes it into a slot.
      if (busy[i] === 0) busySince[i] = now;
      busy[i] = busy[i]! + 1;
      q.push(now + exponential(service[i]!, serviceMs), 10, i, DONE, null, r);
    }
  };

  for (let i = 0; i < chains; i++) q.push(exponential(arrivals[i]!, arrivalMs), 10, i, PUBLISH, null, 0);
  const t0 = process.hrtime.bigint();
  for (let done = 0; done < events; done++) {
    q.pop();
    const now = q.popTime; const i = q.popTarget;
    if (q.popType === PUBLISH) {
      q.push(now + exponential(arrivals[i]!, arrivalMs), 10, i, PUBLISH, null, 0);
      const r = m.alloc();
      m.id[r] = ++ids; m.originAt[r] = now; m.publishedAt[r] = now; m.sizeBytes[r] = 256; m.priority[r] = -1; m.routingKey[r] = 0;
      m.flags[r] = 0; m.deliveryCount[r] = 0;
      published[i] = published[i]! + 1; pub++;
      // The queue stores it.
      qIn[i] = qIn[i]! + 1; m.queueSeq[r] = qSeq[i]!; qSeq[i] = qSeq[i]! + 1; m.enqueuedAt[r] = now; m.expiresAt[r] = Infinity;
      let list = ready[i]!;
      if (tail[i] === list.length) { const grown = new Int32Array(list.length * 2); grown.set(list); ready[i] = list = grown; }
      list[tail[i]!] = r; tail[i] = tail[i]! + 1;
      dispatch(i, now);
      if (tail[i]! - head[i]! > maxReady[i]!) maxReady[i] = tail[i]! - head[i]!;
      continue;
    }
    const r = q.popArg;
    busy[i] = busy[i]! - 1;
    if (busy[i] === 0) busyMs[i] = busyMs[i]! + (now - busySince[i]!);
    endToEnd[i]!.record(now - m.originAt[r]!);
    cAcked[i] = cAcked[i]! + 1; acked++;
    unacked[i] = unacked[i]! - 1; qAcked[i] = qAcked[i]! + 1;
    m.release(r);
    dispatch(i, now);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (acked > pub) throw new Error('acked more than published');
  return { seconds, meanLatencyMs: endToEndRegistry.summary().mean, rows: m.size };
}
