import { describe, expect, it } from 'vitest';
import { CHUNK_TARGET_MS, FRAME_INTERVAL_MS, MAX_CHUNK_EVENTS, MAX_WALL_GAP_MS, MIN_CHUNK_EVENTS, achievedSpeed, nextChunkEvents, paceTarget, snapshotDue, tickDelay } from './pacer';

describe('paceTarget', () => {
  it('advances simulated time by speed × wall time', () => {
    expect(paceTarget(1000, 33, 1, 60_000)).toBe(1033);
    expect(paceTarget(1000, 40, 10, 60_000)).toBe(1400);
    expect(paceTarget(0, 30, 0.1, 60_000)).toBeCloseTo(3, 10);
    expect(paceTarget(0, 20, 1000, 60_000)).toBe(20_000);
  });
  it('never passes the end of the run', () => {
    expect(paceTarget(59_990, 33, 1, 60_000)).toBe(60_000);
    expect(paceTarget(0, 100, 1000, 60_000)).toBe(60_000);
  });
  it('runs to the end at max (the wall budget limits the work instead)', () => {
    expect(paceTarget(123, 5, 'max', 60_000)).toBe(60_000);
  });
  it('caps the wall gap so a throttled tab does not try to catch up', () => {
    expect(paceTarget(0, 10_000, 1, 60_000)).toBe(MAX_WALL_GAP_MS);
  });
  it('treats a clock that went backwards as no time', () => {
    expect(paceTarget(500, -20, 5, 60_000)).toBe(500);
  });
});

describe('nextChunkEvents', () => {
  it('aims each chunk at CHUNK_TARGET_MS of work', () => {
    // 1000 events took 8 ms: 0.008 ms/event → target / 0.008
    expect(nextChunkEvents(1000, 1000, 8)).toBe(Math.round(CHUNK_TARGET_MS / 0.008));
  });
  it('grows at most twofold when chunks are very fast', () => {
    expect(nextChunkEvents(1000, 1000, 0)).toBe(2000);
    expect(nextChunkEvents(1000, 1000, 0.001)).toBe(2000);
  });
  it('keeps the size when the chunk ended on its time target, not its event cap', () => {
    expect(nextChunkEvents(1000, 10, 50)).toBe(1000);
  });
  it('stays within bounds', () => {
    expect(nextChunkEvents(100, 100, 1_000)).toBe(MIN_CHUNK_EVENTS);
    expect(nextChunkEvents(MAX_CHUNK_EVENTS, MAX_CHUNK_EVENTS, 0)).toBe(MAX_CHUNK_EVENTS);
  });
});

describe('frame timing', () => {
  it('waits the rest of the frame interval after a tick', () => {
    expect(tickDelay(10)).toBe(FRAME_INTERVAL_MS - 10);
    expect(tickDelay(50)).toBe(0);
  });
  it('asks for a snapshot a few times a second', () => {
    expect(snapshotDue(0, 100)).toBe(false);
    expect(snapshotDue(0, 250)).toBe(true);
    expect(snapshotDue(-Infinity, 0)).toBe(true);
  });
  it('reports the achieved speed', () => {
    expect(achievedSpeed(330, 33)).toBe(10);
    expect(achievedSpeed(5, 0)).toBe(0);
  });
});
