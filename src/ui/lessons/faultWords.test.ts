import { describe, expect, it } from 'vitest';
import type { Fault } from '../../schema';
import { describeFault, faultWhen } from './format';
import { describeTeacherFault, teacherFaultsLine, teacherRunTitle } from './teacherRun';

const crash = (durationMs?: number): Fault => ({ type: 'crash', target: 'worker-2', atMs: 12_000, ...(durationMs === undefined ? {} : { durationMs }) });
const poison = (count: number, live = false): Fault => ({ type: 'poison', target: 'orders-api', atMs: 27_000, count, ...(live ? { live } : {}) });

describe('a fault in words (Do it titles, the presenter\'s steps, a teacher\'s run)', () => {
  it('says how long a fault lasts, or that it lasts until the end', () => {
    expect(describeFault(crash(4000))).toBe('crash worker-2 at 12 s, for 4 s');
    expect(describeFault(crash())).toBe('crash worker-2 at 12 s, until the end');
  });

  it('a poison burst happens at an instant: how many, from where, when; no span', () => {
    expect(describeFault(poison(3))).toBe('3 poison messages from orders-api at 27 s');
    expect(describeFault(poison(1))).toBe('1 poison message from orders-api at 27 s');
    expect(faultWhen(poison(3))).toBe('at 27 s');
  });

  it('a heal happens at an instant: a heal of a crash is a restart', () => {
    expect(describeFault({ type: 'heal', target: 'worker-2', atMs: 12_000, of: 'crash' })).toBe('restart worker-2 at 12 s');
    expect(describeFault({ type: 'heal', target: 'a--b', atMs: 1000, of: 'partition' })).toBe('heal partition a--b at 1 s');
  });

  it('names what each kind of fault does, with its figure: a factor, added latency, a share of messages', () => {
    const at = { target: 'a--b', atMs: 1000 } as const;
    expect(describeFault({ ...at, type: 'slow', target: 'worker', factor: 3 })).toBe('slow worker ×3 at 1 s, until the end');
    expect(describeFault({ ...at, type: 'slowDisk', target: 'broker-1', factor: 10 })).toBe('slow disk on broker-1 ×10 at 1 s, until the end');
    expect(describeFault({ ...at, type: 'linkDelay', addMs: 200, jitterMs: 0 })).toBe('delay a--b +200 ms at 1 s, until the end');
    expect(describeFault({ ...at, type: 'linkDelay', addMs: 30, jitterMs: 25 })).toBe('delay a--b +30 ms ± 25 at 1 s, until the end');
    expect(describeFault({ ...at, type: 'linkLoss', probability: 0.05 })).toBe('link loss a--b 5 % at 1 s, until the end');
    expect(describeFault({ ...at, type: 'corrupt', probability: 0.005 })).toBe('corrupt a--b 0.5 % at 1 s, until the end');
    expect(describeFault({ ...at, type: 'partition', durationMs: 5000 })).toBe('partition a--b at 1 s, for 5 s');
  });

  it('a teacher\'s fault says when it was done live', () => {
    expect(describeTeacherFault(poison(2, true))).toBe('2 poison messages from orders-api at 27 s (done live)');
    expect(describeTeacherFault({ ...crash(5000), live: true })).toBe('crash worker-2 at 12 s (done live), for 5 s');
  });

  it('a teacher\'s run on the presenter\'s one line, and whole in its tooltip', () => {
    const faults = [{ ...crash(4000), live: true }, poison(3)];
    expect(teacherFaultsLine(faults)).toBe('crash worker-2 at 12 s, for 4 s · 3 poison messages from orders-api at 27 s');
    expect(teacherRunTitle({ seed: 7, faults })).toBe('Your teacher’s faults (seed 7), in the fault timeline:\n'
      + '• crash worker-2 at 12 s (done live), for 4 s\n• 3 poison messages from orders-api at 27 s');
    expect(teacherFaultsLine([])).toBe('none besides the lesson’s own');
    expect(teacherRunTitle({ seed: 7, faults: [] })).toBe('Your teacher’s faults (seed 7), in the fault timeline: none besides the lesson’s own');
  });
});
