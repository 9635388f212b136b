/**
 * The kernel floor: mm1-200's workload on the engine's own parts (the event queue, one seeded stream
 * per node and purpose, exponential draws, two latency histograms per chain) with no broker model:
 * each station is a count and a list of arrival times, as in the anchor. It is what mm1-200 would run
 * at if producers, queues, consumers and messages cost nothing, so `mm1-200 / kernel-floor` is the
 * share of the time the broker model leaves to the kernel (docs/PERFORMANCE.md, "Kernel floor").
 */
import { EventQueue } from '../src/engine/kernel/eventQueue';
import { LatencyRegistry, type LatencyHistogram } from '../src/engine/metrics/latencyHistogram';
import { exponential } from '../src/engine/random/distributions';
import { streamFor, type Random } from '../src/engine/random/prng';

const ARRIVAL = 0;
const DEPARTURE = 1;

interface Station {
  arrivals: Random;
  service: Random;
  busy: boolean;
  /** Arrival time of the customer in service. */
  serving: number;
  /** Arrival times of the customers waiting, from `head` on. */
  waiting: number[];
  head: number;
  wait: LatencyHistogram;
  endToEnd: LatencyHistogram;
}

/** The two latency registries of a run, as the engine's (queue wait at queues, end to end at consumers). */
interface Registries { wait: LatencyRegistry; endToEnd: LatencyRegistry }

function station(seed: number, i: number, r: Registries): Station {
  return {
    arrivals: streamFor(seed, `p${i}`, 'arrival'), service: streamFor(seed, `c${i}`, 'service'), busy: false, serving: 0,
    waiting: [], head: 0, wait: r.wait.create(), endToEnd: r.endToEnd.create(),
  };
}

/** Runs `events` events of `chains` M/M/1 stations (arrivals every `arrivalMs`, service `serviceMs` on average); wall seconds. */
export function kernelFloor(chains: number, arrivalMs: number, serviceMs: number, events: number, seed = 42): { seconds: number; meanLatencyMs: number } {
  const q = new EventQueue(4096);
  const registries: Registries = { wait: new LatencyRegistry(), endToEnd: new LatencyRegistry() };
  const stations = Array.from({ length: chains }, (_, i) => station(seed, i, registries));
  stations.forEach((s, i) => q.push(exponential(s.arrivals, arrivalMs), 0, i, ARRIVAL, null, 0));
  const t0 = process.hrtime.bigint();
  for (let done = 0; done < events; done++) {
    q.pop();
    const now = q.popTime;
    const s = stations[q.popTarget]!;
    if (q.popType === ARRIVAL) {
      q.push(now + exponential(s.arrivals, arrivalMs), 0, q.popTarget, ARRIVAL, null, 0);
      if (s.busy) { s.waiting.push(now); continue; }
      s.busy = true;
      s.serving = now;
      s.wait.record(0);
      q.push(now + exponential(s.service, serviceMs), 0, q.popTarget, DEPARTURE, null, 0);
      continue;
    }
    s.endToEnd.record(now - s.serving);
    if (s.head === s.waiting.length) { s.busy = false; s.waiting.length = 0; s.head = 0; continue; }
    s.serving = s.waiting[s.head++]!;
    s.wait.record(now - s.serving);
    q.push(now + exponential(s.service, serviceMs), 0, q.popTarget, DEPARTURE, null, 0);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { seconds, meanLatencyMs: registries.endToEnd.summary().mean };
}
