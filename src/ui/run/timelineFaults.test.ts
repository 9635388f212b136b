import { describe, expect, it } from 'vitest';
import type { Fault } from '../../schema';
import { timelineFaultsBetween } from './timelineFaults';

const FAULTS: Fault[] = [
  { type: 'crash', target: 'worker', atMs: 12_000, durationMs: 4000 },
  { type: 'poison', target: 'api', atMs: 5000, count: 3 },
  { type: 'partition', target: 'e1', atMs: 0 },
  { type: 'slow', target: 'worker', atMs: 16_000, durationMs: 90_000, factor: 3 },
];

describe('the fault timeline in the log', () => {
  it('each start and end once, in time order, a start before an end at one instant', () => {
    expect(timelineFaultsBetween(FAULTS, -1, 200_000)).toEqual([
      { timeMs: 0, text: 'Fault: partition e1 until the end' },
      { timeMs: 5000, text: 'Fault: poison message ×3 api' },
      { timeMs: 12_000, text: 'Fault: crash worker for 4 s' },
      { timeMs: 16_000, text: 'Fault: slow worker for 90 s' },
      { timeMs: 16_000, text: 'Fault over: crash worker' },
      { timeMs: 106_000, text: 'Fault over: slow worker' },
    ]);
  });

  it('a restart in words; a crash it ended early has no "over" line of its own', () => {
    const faults: Fault[] = [
      { type: 'crash', target: 'worker', atMs: 1000, durationMs: 60_000 },
      { type: 'heal', target: 'worker', atMs: 2000, of: 'crash', live: true },
      { type: 'crash', target: 'worker', atMs: 3000, durationMs: 1000 },
    ];
    expect(timelineFaultsBetween(faults, -1, 100_000).map((e) => e.text)).toEqual([
      'Fault: crash worker for 1 min', 'Fault: restart worker', 'Fault: crash worker for 1 s', 'Fault over: crash worker',
    ]);
  });

  it('only what falls after the last frame and up to this one', () => {
    expect(timelineFaultsBetween(FAULTS, 5000, 16_000).map((e) => e.timeMs)).toEqual([12_000, 16_000, 16_000]);
    expect(timelineFaultsBetween(FAULTS, 16_000, 20_000)).toEqual([]);
  });

  it('the ends alone for faults triggered live (their start is logged when the worker records them)', () => {
    expect(timelineFaultsBetween(FAULTS, -1, 200_000, true).map((e) => e.text)).toEqual(['Fault over: crash worker', 'Fault over: slow worker']);
  });
});
