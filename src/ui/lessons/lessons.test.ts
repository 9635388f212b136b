import { describe, expect, it } from 'vitest';
import type { MetricSample, SampleField, Snapshot } from '../../engine/api';
import { decodeLessonHash, encodeLessonHash } from '../documents/shareLink';
import { liveText, planStep, stepStillDone } from './experimentStep';
import { BROKEN_TOPIC, findLesson, groupLessons, type LessonEntry } from './lessonCatalog';
import { createLessonState, type LessonState } from './lessonStore';
import { newSamples, RunTracker, runMatchesDocument, type TelemetryView } from './runTracking';
import { testLesson } from './testLesson';

const FIELDS: SampleField[] = ['inPerSec', 'outPerSec', 'ready', 'unacked', 'busy', 'p50', 'p95', 'p99'];
const READY = FIELDS.indexOf('ready');

describe('lesson catalog', () => {
  const entry = (id: string, topic: string, order: number): LessonEntry => ({ file: `${id}.json`, ok: true, lesson: testLesson({ id, topic, order, title: `Lesson ${id}` }) });
  const broken: LessonEntry = { file: 'bad.json', ok: false, errors: [{ code: 'x', path: 'title', message: 'must not be empty' }] };

  it('groups by topic in the order of each topic\'s first lesson, sorts each group by order, lists broken files last', () => {
    const groups = groupLessons([entry('c', 'Queues', 30), broken, entry('a', 'Patterns', 20), entry('b', 'Queues', 10), entry('d', 'Patterns', 5)]);
    expect(groups.map((g) => g.topic)).toEqual(['Patterns', 'Queues', BROKEN_TOPIC]);
    expect(groups[0]!.entries.map((e) => e.ok && e.lesson.id)).toEqual(['d', 'a']);
    expect(groups[1]!.entries.map((e) => e.ok && e.lesson.id)).toEqual(['b', 'c']);
    expect(groups[2]!.entries).toEqual([broken]);
  });

  it('finds a parsed lesson by id, never a broken one', () => {
    const entries = [broken, entry('x', 'T', 1)];
    expect(findLesson(entries, 'x')?.id).toBe('x');
    expect(findLesson(entries, 'bad')).toBeNull();
  });
});

describe('run tracking', () => {
  const nodeIds = ['p', 'q'];
  /** Queue q's ready count at `tMs` is `ready`. */
  const sample = (tMs: number, ready: number): MetricSample => {
    const nodes = new Float64Array(nodeIds.length * FIELDS.length);
    nodes[FIELDS.length + READY] = ready;
    return { tMs, nodes, publishedPerSec: 0, ackedPerSec: 0, p50: NaN, p95: NaN, p99: NaN };
  };
  const state = (samples: MetricSample[], samplesVersion: number, ids = nodeIds, snapshot: Snapshot | null = null): TelemetryView =>
    ({ nodeIds: ids, samples, samplesVersion, snapshot, timeMs: samples.at(-1)?.tMs ?? 0 });

  it('newSamples is the tail after a time', () => {
    const s = [sample(1, 0), sample(2, 0), sample(3, 0)];
    expect(newSamples(s, 1).map((x) => x.tMs)).toEqual([2, 3]);
    expect(newSamples(s, 3)).toEqual([]);
    expect(newSamples(s, -Infinity)).toHaveLength(3);
  });

  it('folds a spike it was never shown in its own update (updates skipped, samples merged)', () => {
    const t = new RunTracker();
    const all = [sample(100, 3), sample(200, 80), sample(300, 4)];
    t.update(state(all.slice(0, 1), 1));
    // The spike at 200 ms and the next sample arrive together in one coalesced update.
    t.update(state(all, 2));
    expect(t.peaks.q?.ready).toBe(80);
  });

  it('counts each sample once even when the store thinned old ones', () => {
    const t = new RunTracker();
    const first = [sample(100, 1), sample(200, 2), sample(300, 3), sample(400, 4)];
    t.update(state(first, 1));
    // Thinning drops old samples and keeps the tail; the new sample (which is lower) must not be missed or doubled.
    const thinned = [first[0]!, first[2]!, first[3]!, sample(500, 60)];
    expect(t.update(state(thinned, 2))).toBe(true);
    expect(t.peaks.q?.ready).toBe(60);
  });

  it('clears the peaks on a new simulation (Reset)', () => {
    const t = new RunTracker();
    t.update(state([sample(100, 70)], 3));
    expect(t.peaks.q?.ready).toBe(70);
    // The run store clears telemetry and the worker announces the (same) node ids anew: a new array.
    const reloaded = ['p', 'q'];
    t.update(state([], 0, reloaded));
    expect(t.peaks).toEqual({});
    t.update(state([sample(100, 5)], 1, reloaded));
    expect(t.peaks.q?.ready).toBe(5);
  });

  it('a run is of the document only while the document has the same nodes (New, an example, a node added or deleted)', () => {
    const t = new RunTracker();
    t.update(state([sample(100, 1)], 1));
    expect(runMatchesDocument(t.nodeIds, ['q', 'p'])).toBe(true);
    expect(runMatchesDocument(t.nodeIds, [])).toBe(false);
    expect(runMatchesDocument(t.nodeIds, ['p', 'q', 'r'])).toBe(false);
    expect(runMatchesDocument(t.nodeIds, ['p', 'x'])).toBe(false);
    expect(runMatchesDocument(t.nodeIds, ['p'])).toBe(false);
  });

  it('reports no change when nothing new arrived, and keeps the latest snapshot', () => {
    const t = new RunTracker();
    const snap = { timeMs: 100 } as Snapshot;
    const s = state([sample(100, 1)], 1, nodeIds, snap);
    expect(t.update(s)).toBe(true);
    const v = t.version;
    expect(t.update(s)).toBe(false);
    expect(t.version).toBe(v);
    expect(t.snapshot).toBe(snap);
  });
});

describe('lesson store', () => {
  const make = () => {
    let state = {} as LessonState;
    const set = (p: Partial<LessonState> | ((s: LessonState) => Partial<LessonState>)) => { state = { ...state, ...(typeof p === 'function' ? p(state) : p) }; };
    state = createLessonState(set);
    return () => state;
  };

  it('opening a lesson shows it, asks for the panel and forgets the steps done in the last one', () => {
    const get = make();
    get().markDone(0, { text: 'done live', scheduled: false });
    get().setOpen({ lesson: testLesson(), source: { kind: 'builtin' } });
    expect(get().view).toBe('lesson');
    expect(get().panelRequests).toBe(1);
    expect(get().done).toEqual({});
    get().showList();
    expect(get().view).toBe('list');
    get().showLesson();
    expect(get().view).toBe('lesson');
    get().close();
    expect(get().open).toBeNull();
    get().showLesson();
    expect(get().view).toBe('list');
  });
});

describe('experiment steps', () => {
  const fault = testLesson().experiment[0]!.fault!;

  it('schedules the fault at its own time before the run starts, so the run replays the lesson\'s experiment', () => {
    expect(planStep(fault, { status: 'idle', timeMs: 0 })).toEqual({ kind: 'schedule', fault });
    expect(planStep(fault, { status: 'paused', timeMs: 0 })).toEqual({ kind: 'schedule', fault });
  });

  it('a step done live says when it happened, until when, and when the lesson times it', () => {
    const crash = { type: 'crash', target: 'billing', atMs: 10_000, durationMs: 10_000 } as const;
    expect(liveText(crash, 1687)).toBe('done live at 1.69 s, until 11.69 s (the lesson times it at 10 s)');
    expect(liveText({ type: 'crash', target: 'billing', atMs: 5000 }, 2000)).toBe('done live at 2 s (the lesson times it at 5 s)');
  });

  it('a scheduled step reads done only while the timeline has its fault (Undo brings Do it back); a live one stays done', () => {
    const scheduled = { text: 'scheduled at 20 s', scheduled: true };
    expect(stepStillDone(scheduled, fault, [{ ...fault }])).toBe(true);
    expect(stepStillDone(scheduled, fault, [])).toBe(false);
    expect(stepStillDone(scheduled, fault, [{ ...fault, atMs: fault.atMs + 1 }])).toBe(false);
    // Before the engine reports a live fault it is not in the timeline yet: the button must not come back.
    expect(stepStillDone({ text: 'done live', scheduled: false }, fault, [])).toBe(true);
    expect(stepStillDone(undefined, fault, [fault])).toBe(false);
  });

  it('injects it now during a run, and refuses after the end or an error', () => {
    expect(planStep(fault, { status: 'running', timeMs: 0 })).toEqual({ kind: 'inject', fault: { ...fault, atMs: 0 } });
    expect(planStep(fault, { status: 'paused', timeMs: 1200 })).toEqual({ kind: 'inject', fault: { ...fault, atMs: 0 } });
    expect(planStep(fault, { status: 'finished', timeMs: 30_000 }).kind).toBe('refuse');
    expect(planStep(fault, { status: 'error', timeMs: 10 }).kind).toBe('refuse');
  });
});

describe('lesson links', () => {
  it('a built-in lesson travels by id', () => {
    const hash = encodeLessonHash(testLesson({ id: 'poison-dead-letter' }), true);
    expect(hash).toBe('#lesson=poison-dead-letter');
    expect(decodeLessonHash(hash)).toEqual({ kind: 'builtin', id: 'poison-dead-letter' });
  });

  it('a teacher\'s own lesson travels whole and parses back to the same lesson', () => {
    const lesson = testLesson({ title: 'My own lesson' });
    const link = decodeLessonHash(encodeLessonHash(lesson, false));
    expect(link?.kind).toBe('data');
    if (link?.kind !== 'data' || !link.result.ok) throw new Error('the link did not parse back');
    expect(link.result.lesson).toEqual(lesson);
  });

  it('a damaged or invalid link becomes errors; another hash is no lesson link', () => {
    const cut = decodeLessonHash('#lesson-data=%%%not-lz');
    expect(cut?.kind === 'data' && !cut.result.ok && cut.result.errors[0]!.code).toBe('bad_link');
    const invalid = decodeLessonHash(encodeLessonHash({ ...testLesson(), checks: [] } as never, false));
    expect(invalid?.kind === 'data' && !invalid.result.ok && invalid.result.errors.some((e) => e.path.startsWith('checks'))).toBe(true);
    const badId = decodeLessonHash('#lesson=%E0%A4%A');
    expect(badId?.kind === 'data' && !badId.result.ok && badId.result.errors[0]!.code).toBe('bad_link');
    expect(decodeLessonHash('#scenario=abc')).toBeNull();
  });
});
