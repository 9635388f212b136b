import { describe, expect, it } from 'vitest';
import { addHop, addHopNote, HopEvents, startTrail, trailView } from './trail';

const clock = (hopEvents = new HopEvents()) => { let t = 0; return { now: () => t, set: (ms: number) => { t = ms; }, hopEvents }; };
const nodeIds = ['p', 'q', 'c'];

describe('trail', () => {
  it('reads back as the hops written: node ids, times and event texts, numbered or the message’s own', () => {
    const ctx = clock();
    const m = { trail: startTrail(0, ctx, 'published') };
    ctx.set(1.5); addHop(m, 1, ctx, 'enqueued');
    ctx.set(2.25); addHopNote(m, 2, ctx, 'aggregated into 17 (2)');
    ctx.set(3); addHop(m, 1, ctx, 'enqueued');
    expect(trailView(m.trail, nodeIds, ctx.hopEvents)).toEqual([
      { node: 'p', atMs: 0, event: 'published' }, { node: 'q', atMs: 1.5, event: 'enqueued' },
      { node: 'c', atMs: 2.25, event: 'aggregated into 17 (2)' }, { node: 'q', atMs: 3, event: 'enqueued' },
    ]);
  });

  it('numbers an event once per run, and keeps texts that name one message on that message', () => {
    const ctx = clock();
    const a = { trail: startTrail(0, ctx, 'published') }, b = { trail: startTrail(0, ctx, 'published') };
    addHopNote(a, 2, ctx, 'late for 1: discarded');
    addHopNote(b, 2, ctx, 'late for 2: discarded');
    expect(ctx.hopEvents.code('published')).toBe(0);
    expect(ctx.hopEvents.code('something new')).toBe(1); // the notes took no run-wide number
    expect(trailView(b.trail, nodeIds, ctx.hopEvents).map((h) => h.event)).toEqual(['published', 'late for 2: discarded']);
  });

  it('keeps the newest 32 hops, notes included', () => {
    const ctx = clock();
    const m = { trail: startTrail(0, ctx, null) };
    for (let i = 0; i < 40; i++) { ctx.set(i); if (i % 10 === 9) addHopNote(m, 1, ctx, `note ${i}`); else addHop(m, 1, ctx, 'hop'); }
    const hops = trailView(m.trail, nodeIds, ctx.hopEvents);
    expect(hops.map((h) => h.atMs)).toEqual(Array.from({ length: 32 }, (_, i) => i + 8));
    expect(hops.filter((h) => h.event.startsWith('note')).map((h) => h.event)).toEqual(['note 9', 'note 19', 'note 29', 'note 39']);
  });

  it('copies independently: a hop added to the copy is not on the original', () => {
    const ctx = clock();
    const m = { trail: startTrail(0, ctx, 'published') };
    addHopNote(m, 1, ctx, 'first note');
    const copy = { trail: m.trail.copy() };
    addHopNote(copy, 2, ctx, 'second note');
    expect(trailView(m.trail, nodeIds, ctx.hopEvents)).toHaveLength(2);
    expect(trailView(copy.trail, nodeIds, ctx.hopEvents).map((h) => h.event)).toEqual(['published', 'first note', 'second note']);
  });

  it('adds nothing to a message without a trail (not traced)', () => {
    const m = { trail: null };
    addHop(m, 0, clock(), 'enqueued');
    expect(trailView(m.trail, nodeIds, new HopEvents())).toEqual([]);
  });
});
