/**
 * The app draws fault spans from the audit's records (src/ui/faults/faultSpans.ts, pure, no engine code). Here the
 * engine runs the same timelines and its broker counts the crashes and the time down: the spans must agree, also when
 * scheduled and live faults meet at one instant (PRIORITY: scheduled starts 20, ends 21, live starts and heals 22).
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../schema';
import { faultSpans } from '../../ui/faults/faultSpans';
import { createSimulation } from '../simulation';
import { reportNumber, scenarioOf } from '../testSupport';

type Faults = NonNullable<ScenarioInput['faults']>;

const RUN_MS = 30_000;
const crash = (atMs: number, durationMs?: number, live = false) =>
  ({ atMs, target: 'b', type: 'crash', ...(durationMs ? { durationMs } : {}), ...(live ? { live: true } : {}) }) as const;
const restart = (atMs: number, live = false) => ({ atMs, target: 'b', type: 'heal', of: 'crash', ...(live ? { live: true } : {}) }) as const;

const cases: [string, Faults][] = [
  ['a live crash at the instant a scheduled one ends: restarted between, two crashes', [crash(0, 5000), crash(5000, 2000, true)]],
  ['a scheduled crash at that instant: one crash', [crash(0, 5000), crash(5000, 2000)]],
  ['Crash, then Restart, live at one instant: a crash of 0 ms', [crash(5000, undefined, true), restart(5000, true)]],
  ['Restart, then Crash, live at one instant: down from then on', [crash(0, 5000), restart(5000, true), crash(5000, undefined, true)]],
  ['a live restart at the instant a crash ends, a scheduled crash there too', [crash(0, 5000), crash(5000, 3000), restart(5000, true), crash(5000, 1000, true)]],
  ['a scheduled restart before a live crash at its instant', [crash(1000, 4000), restart(5000), crash(5000, 2000, true)]],
];

describe('faultSpans draws the crashes the engine runs', () => {
  it.each(cases)('%s', (_, faults) => {
    const sim = createSimulation(scenarioOf([{ id: 'b', kind: 'broker' }], [], { durationMs: RUN_MS, faults }));
    sim.runUntil(RUN_MS);
    const snap = sim.snapshot();
    const spans = faultSpans(snap.audit!.faults).filter((s) => s.type === 'crash');
    expect(spans.length).toBe(reportNumber(snap.nodes.b, 'crashes'));
    expect(spans.reduce((ms, s) => ms + (s.endMs ?? RUN_MS) - s.atMs, 0)).toBe(reportNumber(snap.nodes.b, 'downMs'));
  });
});
