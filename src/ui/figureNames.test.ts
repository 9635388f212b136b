import { describe, expect, it } from 'vitest';
import type { SampleField } from '../engine/api';
import { NODE_KINDS } from '../schema';
import { figureCaption, figureName } from './figureNames';

/** The UI may not load the engine's SAMPLE_FIELDS at runtime; the Record in figureNames.ts is checked against the type. */
const SAMPLE_FIELDS: SampleField[] = ['inPerSec', 'outPerSec', 'ready', 'unacked', 'busy', 'p50', 'p95', 'p99'];

describe('figure names', () => {
  it('names each figure as the kind means it', () => {
    expect(figureName('aggregator', 'ready')).toEqual({ name: 'open groups', unit: 'groups' });
    expect(figureName('requester', 'unacked')).toEqual({ name: 'pending requests', unit: 'requests' });
    expect(figureName('consumer', 'busy')).toEqual({ name: 'busy slots', unit: 'slots' });
    expect(figureName('queue', 'ready')).toEqual({ name: 'ready messages', unit: 'messages' });
  });

  it('calls a requester\'s latency its round trip, and every latency percentile ms', () => {
    expect(figureName('requester', 'p95').name).toBe('p95 round trip');
    expect(figureName('consumer', 'p99').name).toBe('p99 latency');
    expect(figureName('queue', 'p50').name).toBe('p50 queue wait');
    expect(figureName('aggregator', 'p95').name).toBe('p95 gathering time');
    for (const kind of [...NODE_KINDS, null]) for (const f of ['p50', 'p95', 'p99'] as const) expect(figureName(kind, f).unit).toBe('ms');
  });

  it('falls back to the generic meaning for an unknown node, and names every field on every kind', () => {
    expect(figureName(null, 'ready')).toEqual({ name: 'ready', unit: 'messages' });
    for (const kind of [...NODE_KINDS, null]) {
      for (const f of SAMPLE_FIELDS) {
        const { name, unit } = figureName(kind, f);
        expect(name.length, `${kind} ${f}`).toBeGreaterThan(0);
        expect(unit.length, `${kind} ${f}`).toBeGreaterThan(0);
      }
    }
  });

  it('says the unit once', () => {
    expect(figureCaption({ name: 'open groups', unit: 'groups' })).toBe('open groups');
    expect(figureCaption({ name: 'p95 latency', unit: 'ms' })).toBe('p95 latency (ms)');
  });
});
