import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Fault } from '../../schema';
import { QueueModel } from '../nodes/queue/queue';
import { createSimulation } from '../simulation';
import { scenarioOf } from '../testSupport';

const N = 2000;
const scenario = (faults: Fault[] | Record<string, unknown>[], seed = 1) => scenarioOf([
  { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 1000 }, count: N } },
  { id: 'q', kind: 'queue', config: {} },
], [{ id: 'link', source: 'p', target: 'q', config: {} }], { faults: faults as Fault[], seed, durationMs: 3000 });

/** Runs and returns, per message arriving at the queue, its arrival time and whether it came damaged. */
function arrivals(faults: Record<string, unknown>[], seed = 1, live?: { atMs: number; fault: Record<string, unknown> }): { at: number; corrupt: boolean }[] {
  const seen: { at: number; corrupt: boolean }[] = [];
  const receive = QueueModel.prototype.receive;
  vi.spyOn(QueueModel.prototype, 'receive').mockImplementation(function (this: QueueModel, m, e) {
    seen.push({ at: m.publishedAt, corrupt: m.corrupt });
    receive.call(this, m, e);
  });
  const sim = createSimulation(scenario(faults, seed));
  if (live) { sim.runUntil(live.atMs); expect(sim.injectFault(live.fault as Fault).ok).toBe(true); }
  sim.runUntil(3000);
  return seen;
}

afterEach(() => { vi.restoreAllMocks(); });

describe('corrupt link fault', () => {
  it('damages about its probability of the messages along the link while it lasts, none before or after', () => {
    const seen = arrivals([{ atMs: 500, durationMs: 1000, target: 'link', type: 'corrupt', probability: 0.2 }]);
    expect(seen).toHaveLength(N);
    expect(seen.filter((s) => s.corrupt && (s.at < 500 || s.at >= 1500))).toHaveLength(0);
    const during = seen.filter((s) => s.at >= 500 && s.at < 1500);
    const n = during.length, p = 0.2;
    const damaged = during.filter((s) => s.corrupt).length;
    expect(Math.abs(damaged - n * p)).toBeLessThan(5 * Math.sqrt(n * p * (1 - p)));
  });

  it('is deterministic per seed and differs between seeds', () => {
    const fault = [{ atMs: 0, target: 'link', type: 'corrupt', probability: 0.5 }];
    const a = arrivals(fault, 1).map((s) => s.corrupt);
    vi.restoreAllMocks();
    const b = arrivals(fault, 1).map((s) => s.corrupt);
    vi.restoreAllMocks();
    const c = arrivals(fault, 2).map((s) => s.corrupt);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('starts live through injectFault, and a probability of 1 damages everything after it', () => {
    const seen = arrivals([], 1, { atMs: 1000, fault: { atMs: 0, target: 'link', type: 'corrupt', probability: 1 } });
    expect(seen.filter((s) => s.at < 1000).every((s) => !s.corrupt)).toBe(true);
    expect(seen.filter((s) => s.at > 1000).every((s) => s.corrupt)).toBe(true);
  });
});
