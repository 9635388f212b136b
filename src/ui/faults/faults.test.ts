import { beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type FromWorker, type ToWorker, type Untagged } from '../../protocol';
import type { Fault, Scenario } from '../../schema';
import { emptyScenario } from '../document/defaultScenario';
import { getScenario, redo, undo, useDocumentStore } from '../document/documentStore';
import { createRunStore } from '../run/runStore';
import type { WorkerLike } from '../run/workerClient';
import { EDGE_FAULT_ACTIONS, nodeFaultActions } from './faultActions';
import { faultMarks, faultMarksOver } from './faultMarks';
import { faultActive, faultName, faultSpans, spanLasting } from './faultSpans';
import { newFault, recordFault, switchFaultType, targetChoices } from './faultTimeline';

const store = () => useDocumentStore.getState();
beforeEach(() => store().replaceScenario(emptyScenario(), { resetHistory: true }));

/** p → q → c, valid, so faults can name them. */
function topology(): void {
  const p = store().addNode('producer', { x: 0, y: 0 });
  const q = store().addNode('queue', { x: 200, y: 0 });
  const c = store().addNode('consumer', { x: 400, y: 0 });
  store().connect(p, q);
  store().connect(q, c);
}

describe('fault timeline in the document', () => {
  it('records a live fault as one undo step, and redo brings it back', () => {
    topology();
    const crash: Fault = { type: 'crash', atMs: 2345.5, target: 'consumer-1', durationMs: 5000, live: true };
    expect(recordFault(crash)).toEqual({ ok: true });
    expect(getScenario().faults).toEqual([crash]);
    undo();
    expect(getScenario().faults).toEqual([]);
    expect(getScenario().nodes).toHaveLength(3);
    redo();
    expect(getScenario().faults).toEqual([crash]);
  });

  it('refuses a fault the document refuses (target kind, missing edge), with the JSON path', () => {
    topology();
    const slowQueue = recordFault({ type: 'slow', atMs: 0, target: 'queue-1', factor: 3 });
    expect(slowQueue.ok).toBe(false);
    expect(!slowQueue.ok && slowQueue.errors[0]).toMatchObject({ path: 'faults[0].target' });
    expect(recordFault({ type: 'partition', atMs: 0, target: 'nope' }).ok).toBe(false);
    expect(getScenario().faults).toEqual([]);
  });

  it('records a corrupt link fault with its probability; the document refuses it on a node or with p > 1', () => {
    topology();
    const edge = getScenario().edges[0]!.id;
    const corrupt = EDGE_FAULT_ACTIONS.find((a) => a.id === 'corrupt')!.make(edge);
    expect(recordFault({ ...corrupt, atMs: 1500, live: true })).toEqual({ ok: true });
    expect(getScenario().faults).toEqual([{ type: 'corrupt', atMs: 1500, target: edge, durationMs: 10_000, probability: 0.2, live: true }]);
    expect(recordFault({ ...corrupt, target: 'consumer-1' }).ok).toBe(false);
    const tooLikely = recordFault({ type: 'corrupt', atMs: 0, target: edge, probability: 1.5 });
    expect(!tooLikely.ok && tooLikely.errors[0]).toMatchObject({ path: 'faults[1].probability' });
    expect(switchFaultType({ type: 'linkLoss', atMs: 5, target: edge, probability: 0.5 }, 'corrupt')).toEqual({ type: 'corrupt', atMs: 5, target: edge, probability: 0.2 });
  });

  it('records a live poison fault on a producer; refuses it on a consumer with the JSON path; switching to it drops the duration', () => {
    topology();
    const poison: Fault = { type: 'poison', atMs: 1500, target: 'producer-1', count: 1, live: true };
    expect(recordFault(poison)).toEqual({ ok: true });
    expect(getScenario().faults).toEqual([poison]);
    const onConsumer = recordFault({ ...poison, target: 'consumer-1' });
    expect(!onConsumer.ok && onConsumer.errors[0]).toMatchObject({ path: 'faults[1].target', message: 'poison applies to a producer, not a consumer' });
    expect(switchFaultType({ type: 'crash', atMs: 5, target: 'producer-1', durationMs: 5000, live: true }, 'poison')).toEqual({ type: 'poison', atMs: 5, target: 'producer-1', live: true, count: 1 });
  });

  it('edits the timeline through updateScenario: add, change type keeping time/target/duration, remove', () => {
    topology();
    const f = newFault([], 'consumer-1');
    expect(f).toEqual({ type: 'crash', atMs: 0, target: 'consumer-1', durationMs: 5000 });
    expect(store().updateScenario({ faults: [f] }).ok).toBe(true);
    expect(newFault(getScenario().faults, 'consumer-1').atMs).toBe(1000);
    const slow = switchFaultType(getScenario().faults[0]!, 'slow');
    expect(slow).toEqual({ type: 'slow', atMs: 0, target: 'consumer-1', durationMs: 5000, factor: 3 });
    expect(store().updateScenario({ faults: [slow as Fault] }).ok).toBe(true);
    expect(getScenario().faults[0]).toMatchObject({ type: 'slow', factor: 3 });
    const bad = store().updateScenario({ faults: [{ ...slow, atMs: -1 } as Fault] });
    expect(!bad.ok && bad.errors.map((e) => e.path)).toContain('faults[0].atMs');
    expect(store().updateScenario({ faults: [] }).ok).toBe(true);
    undo();
    expect(getScenario().faults).toHaveLength(1);
  });

  it('a link fault switched from a node fault keeps its live mark and gets its parameters', () => {
    expect(switchFaultType({ type: 'crash', atMs: 5, target: 'e', live: true }, 'linkDelay')).toEqual({ type: 'linkDelay', atMs: 5, target: 'e', live: true, addMs: 200, jitterMs: 0 });
  });
});

describe('the timeline\'s target choices', () => {
  const scenario = {
    nodes: [{ id: 'c1', kind: 'consumer', label: '' }, { id: 'q', kind: 'queue', label: 'Orders' }],
    edges: [
      { id: 'producer-1--orders-queue', source: 'producer-1', target: 'orders-queue' },
      { id: 'producer-1-to-orders-queue', source: 'producer-1', target: 'orders-queue' },
      { id: 'producer-1-to-orders-queue-2', source: 'producer-1', target: 'orders-queue' },
    ],
  } as unknown as Pick<Scenario, 'nodes' | 'edges'>;

  it('a node by its label (or id) and kind', () => {
    expect(targetChoices(scenario, false, 'c1')).toEqual([{ value: 'c1', label: 'c1 (consumer)' }, { value: 'q', label: 'Orders (queue)' }]);
  });

  it('an edge by its ends, its id after them when it says more than they do, or another edge has those ends', () => {
    const edges = scenario.edges;
    expect(targetChoices({ ...scenario, edges: [edges[0]!] }, true, '').slice(1).map((c) => c.label)).toEqual(['producer-1 → orders-queue']);
    expect(targetChoices({ ...scenario, edges: [edges[1]!] }, true, '').slice(1).map((c) => c.label)).toEqual(['producer-1 → orders-queue']);
    expect(targetChoices({ ...scenario, edges: [{ ...edges[0]!, id: 'e7' }] }, true, '').slice(1).map((c) => c.label)).toEqual(['producer-1 → orders-queue (e7)']);
    expect(targetChoices(scenario, true, 'producer-1--orders-queue').map((c) => c.label)).toEqual([
      'producer-1 → orders-queue (producer-1--orders-queue)', 'producer-1 → orders-queue (producer-1-to-orders-queue)',
      'producer-1 → orders-queue (producer-1-to-orders-queue-2)',
    ]);
  });

  it('a target nothing has any more is listed first, as missing', () => {
    expect(targetChoices(scenario, false, 'gone')[0]).toEqual({ value: 'gone', label: 'gone (missing)' });
    expect(targetChoices(scenario, true, '')[0]).toEqual({ value: '', label: '(choose) (missing)' });
  });
});

describe('fault spans (the engine: each fault holds until its own end; a heal ends them all)', () => {
  it('a short crash inside a long one: one span, to the long one\'s end (the old rule ended it at the short one\'s)', () => {
    const spans = faultSpans([
      { atMs: 0, endMs: 60_000, target: 'q1', type: 'crash' },
      { atMs: 10_000, endMs: 11_000, target: 'q1', type: 'crash' },
    ]);
    expect(spans).toEqual([{ atMs: 0, endMs: 60_000, target: 'q1', type: 'crash', count: 2 }]);
    expect(faultActive(spans, 'q1', 30_000)).toBe(true);
  });

  it('the union of faults that overlap or meet, per target and type; a gap makes two spans', () => {
    const spans = faultSpans([
      { atMs: 1000, endMs: 3000, target: 'c', type: 'slow' },
      { atMs: 3000, endMs: 5000, target: 'c', type: 'slow' }, // meets the first: no gap
      { atMs: 2000, endMs: 8000, target: 'c', type: 'crash' },
      { atMs: 6000, endMs: 7000, target: 'c', type: 'slow' },
    ]);
    expect(spans).toEqual([
      { atMs: 1000, endMs: 5000, target: 'c', type: 'slow', count: 2 },
      { atMs: 2000, endMs: 8000, target: 'c', type: 'crash', count: 1 },
      { atMs: 6000, endMs: 7000, target: 'c', type: 'slow', count: 1 },
    ]);
    expect(faultActive(spans, 'c', 5500, 'slow')).toBe(false);
  });

  it('a restart (heal of the crash) ends every crash of its target at once; a crash after it is a new span', () => {
    const spans = faultSpans([
      { atMs: 1000, endMs: null, target: 'c', type: 'crash' },
      { atMs: 2000, endMs: 9000, target: 'c', type: 'crash' },
      { atMs: 3000, endMs: 3000, target: 'c', type: 'heal', of: 'crash' },
      { atMs: 3000, endMs: 3000, target: 'b', type: 'heal', of: 'crash' }, // nothing to end: no span
      { atMs: 2500, endMs: null, target: 'c', type: 'slow' },
      { atMs: 4000, endMs: 5000, target: 'c', type: 'crash' },
    ]);
    expect(spans).toEqual([
      { atMs: 1000, endMs: 3000, target: 'c', type: 'crash', count: 2, healed: true },
      { atMs: 2500, endMs: null, target: 'c', type: 'slow', count: 1 },
      { atMs: 4000, endMs: 5000, target: 'c', type: 'crash', count: 1 },
    ]);
    expect(faultActive(spans, 'c', 2999)).toBe(true);
    expect(faultActive(spans, 'c', 3000)).toBe(false);
    expect(faultActive(spans, 'c', 8000)).toBe(false); // the crash healed at 3 s would have ended at 9 s
    expect(faultActive(spans, 'c', 1e9, 'slow')).toBe(true);
  });
});

describe('fault spans at one instant: scheduled starts, then ends, then live faults (the engine\'s PRIORITY 20, 21, 22)', () => {
  it('a live crash at the instant a scheduled one ends starts after that end: two spans, as the engine restarts the node between', () => {
    const spans = faultSpans([
      { atMs: 0, endMs: 5000, target: 'c', type: 'crash' },
      { atMs: 5000, endMs: 7000, target: 'c', type: 'crash', live: true },
    ]);
    expect(spans).toEqual([
      { atMs: 0, endMs: 5000, target: 'c', type: 'crash', count: 1 },
      { atMs: 5000, endMs: 7000, target: 'c', type: 'crash', count: 1 },
    ]);
  });

  it('a scheduled crash at that instant starts before the end: one span (the node stays down)', () => {
    expect(faultSpans([
      { atMs: 0, endMs: 5000, target: 'c', type: 'crash' },
      { atMs: 5000, endMs: 7000, target: 'c', type: 'crash' },
    ])).toEqual([{ atMs: 0, endMs: 7000, target: 'c', type: 'crash', count: 2 }]);
  });

  it('live and scheduled at one instant: the scheduled start joins the span, the end closes it, the live start and heal come after', () => {
    const spans = faultSpans([
      { atMs: 0, endMs: 5000, target: 'c', type: 'slow' },
      { atMs: 5000, endMs: 6000, target: 'c', type: 'slow' }, // scheduled: joins [0, 5000] before its end
      { atMs: 5000, endMs: null, target: 'c', type: 'slow', live: true }, // after the ends: still within the scheduled one
      { atMs: 5000, endMs: 5000, target: 'c', type: 'heal', of: 'slow', live: true }, // ends both at 5000
      { atMs: 5000, endMs: 9000, target: 'c', type: 'slow', live: true }, // after the heal: a new span
    ]);
    expect(spans).toEqual([
      { atMs: 0, endMs: 5000, target: 'c', type: 'slow', count: 3, healed: true },
      { atMs: 5000, endMs: 9000, target: 'c', type: 'slow', count: 1 },
    ]);
  });

  it('a live crash and its live restart at one instant (Crash, then Restart, paused): a span of 0 ms, healed', () => {
    const spans = faultSpans([
      { atMs: 0, endMs: 5000, target: 'c', type: 'crash' },
      { atMs: 5000, endMs: null, target: 'c', type: 'crash', live: true },
      { atMs: 5000, endMs: 5000, target: 'c', type: 'heal', of: 'crash', live: true },
    ]);
    expect(spans).toEqual([
      { atMs: 0, endMs: 5000, target: 'c', type: 'crash', count: 1 },
      { atMs: 5000, endMs: 5000, target: 'c', type: 'crash', count: 1, healed: true },
    ]);
    expect(faultActive(spans, 'c', 5000)).toBe(false);
    // Both start at 5 s on the chart: each its own mark, under its own key.
    expect(faultMarks([
      { atMs: 5000, endMs: null, target: 'c', type: 'crash', live: true },
      { atMs: 5000, endMs: 5000, target: 'c', type: 'heal', of: 'crash', live: true },
      { atMs: 5000, endMs: null, target: 'c', type: 'crash', live: true },
    ], 0, 10).map((m) => m.key)).toEqual(['crash:c:5000', 'crash:c:5000:1']);
  });
});

describe('how long a span lasted, in the audit\'s fault list', () => {
  const span = (atMs: number, endMs: number | null, type = 'crash', healed = false) => ({ atMs, endMs, target: 'c1', type, count: 1, ...(healed ? { healed: true as const } : {}) });

  it('a crash restarted at the instant it started lasted 0 s; a poison burst is an instant', () => {
    expect(spanLasting(span(5000, 5000, 'crash', true))).toBe(' for 0 s (restarted at once)');
    expect(spanLasting(span(5000, 5000, 'partition', true))).toBe(' for 0 s (healed at once)');
    expect(spanLasting(span(5000, 5000, 'poison'))).toBe('');
  });

  it('a span with an end: its length; without: until the end', () => {
    expect(spanLasting(span(2000, 3500))).toBe(' for 1.5 s');
    expect(spanLasting(span(2000, 4000, 'crash', true))).toBe(' for 2 s');
    expect(spanLasting(span(2000, null))).toBe(' (until the end)');
  });

  it('the audit\'s records of Crash, then Restart, at one paused instant read as a crash of 0 s', () => {
    const [s] = faultSpans([
      { atMs: 5000, endMs: null, target: 'c1', type: 'crash', live: true },
      { atMs: 5000, endMs: 5000, target: 'c1', type: 'heal', of: 'crash', live: true },
    ]);
    expect(`${faultName(s!.type)} ${s!.target}${spanLasting(s!)}`).toBe('crash c1 for 0 s (restarted at once)');
  });
});

describe('instant faults (poison) in the spans', () => {
  it('each instant is its own span ending where it starts; those at one instant on one target are one span', () => {
    const spans = faultSpans([
      { atMs: 1000, endMs: 1000, target: 'p', type: 'poison' },
      { atMs: 1000, endMs: 1000, target: 'p', type: 'poison' },
      { atMs: 3000, endMs: 3000, target: 'p', type: 'poison' },
    ]);
    expect(spans).toEqual([
      { atMs: 1000, endMs: 1000, target: 'p', type: 'poison', count: 2 },
      { atMs: 3000, endMs: 3000, target: 'p', type: 'poison', count: 1 },
    ]);
  });
});

describe('chart fault marks', () => {
  const faults = [
    { atMs: 2000, endMs: 7000, target: 'c1', type: 'crash' },
    { atMs: 9000, endMs: null, target: 'b1', type: 'crash' },
    { atMs: 500, endMs: 600, target: 'e1', type: 'partition' },
  ];

  it('an area for a fault with an end, a line for one still on, labelled, in seconds', () => {
    expect(faultMarks(faults, 1, 10)).toEqual([
      { kind: 'area', key: 'crash:c1:2000', x1: 2, x2: 7, label: 'crash c1', shortLabel: 'crash c1', tinyLabel: 'crash', type: 'crash', target: 'c1' },
      { kind: 'line', key: 'crash:b1:9000', x: 9, label: 'crash b1', shortLabel: 'crash b1', tinyLabel: 'crash', type: 'crash', target: 'b1' },
    ]);
  });

  it('clips to the window: an area cut at its edges, an ongoing fault begun before it fills it', () => {
    expect(faultMarks(faults, 5, 8)).toEqual([{ kind: 'area', key: 'crash:c1:2000', x1: 5, x2: 7, label: 'crash c1', shortLabel: 'crash c1', tinyLabel: 'crash', type: 'crash', target: 'c1' }]);
    expect(faultMarks(faults, 20, 30)).toEqual([{ kind: 'area', key: 'crash:b1:9000', x1: 20, x2: 30, label: 'crash b1', shortLabel: 'crash b1', tinyLabel: 'crash', type: 'crash', target: 'b1' }]);
    expect(faultMarks(faults, 0, 0.55)).toEqual([{ kind: 'area', key: 'partition:e1:500', x1: 0.5, x2: 0.55, label: 'partition e1', shortLabel: 'cut e1', tinyLabel: 'cut', type: 'partition', target: 'e1' }]);
  });

  it('faults that start together share one label, so their labels do not print over each other', () => {
    const together = [{ atMs: 20_000, endMs: 40_000, target: 'sync-c', type: 'slow' }, { atMs: 20_000, endMs: 40_000, target: 'async-c', type: 'slow' }];
    expect(faultMarks(together, 0, 60).map((m) => m.label)).toEqual(['slow async-c · slow sync-c', '']);
    expect(faultMarks(together, 0, 60).map((m) => m.shortLabel)).toEqual(['slow async-c · slow sync-c', '']);
    expect(faultMarks(together, 0, 60).map((m) => m.tinyLabel)).toEqual(['slow ×2', '']);
    const mixed = [...together, { atMs: 20_000, endMs: null, target: 'b1', type: 'crash' }];
    expect(faultMarks(mixed, 0, 60)[0]!.tinyLabel).toBe('slow ×2 · crash'); // in the order the label names them
  });

  it('nothing for an empty or inverted domain', () => {
    expect(faultMarks(faults, 5, 4)).toEqual([]);
    expect(faultMarks([], 0, 10)).toEqual([]);
  });

  it('over a chart\'s rows: from its first sample to its last; none before a report or a sample', () => {
    const rows = [{ t: 5 }, { t: 6 }, { t: 8 }];
    expect(faultMarksOver(faults, rows)).toEqual(faultMarks(faults, 5, 8));
    expect(faultMarksOver(undefined, rows)).toEqual([]);
    expect(faultMarksOver(faults, [])).toEqual([]);
  });

  it('a poison burst (it ends where it starts) is a line at its instant, not a fault still on', () => {
    const poison = [{ atMs: 4000, endMs: 4000, target: 'p', type: 'poison' }];
    expect(faultMarks(poison, 0, 10)).toEqual([{ kind: 'line', key: 'poison:p:4000', x: 4, label: 'poison message p', shortLabel: 'poison p', tinyLabel: 'poison', type: 'poison', target: 'p' }]);
    expect(faultMarks(poison, 5, 10)).toEqual([]);
  });

  it('a fault whose end lies on the window start is a line there', () => {
    expect(faultMarks([{ atMs: 0, endMs: 3000, target: 'q', type: 'slowDisk' }], 3, 6)).toEqual([{ kind: 'line', key: 'slowDisk:q:0', x: 3, label: 'slow disk q', shortLabel: 'disk q', tinyLabel: 'disk', type: 'slowDisk', target: 'q' }]);
  });
});

describe('fault actions', () => {
  it('offers crash/crash-until-restarted to any node, slow to consumers, slow disk to brokers and queues, poison to producers; only Restart when crashed', () => {
    expect(nodeFaultActions('consumer', false).map((a) => a.id)).toEqual(['crash', 'crashOpen', 'slow']);
    expect(nodeFaultActions('broker', false).map((a) => a.id)).toEqual(['crash', 'crashOpen', 'slowDisk']);
    expect(nodeFaultActions('queue', false).map((a) => a.id)).toEqual(['crash', 'crashOpen', 'slowDisk']);
    expect(nodeFaultActions('producer', false).map((a) => a.id)).toEqual(['crash', 'crashOpen', 'poison']);
    expect(nodeFaultActions('producer', true).map((a) => a.id)).toEqual(['restart']);
    const poison = nodeFaultActions('producer', false).at(-1)!;
    expect(poison).toMatchObject({ label: 'Send a poison message', title: expect.stringContaining('Every consumer fails it') });
    expect(poison.make('p')).toEqual({ type: 'poison', atMs: 0, target: 'p', count: 1 });
    expect(nodeFaultActions('broker', true).map((a) => a.id)).toEqual(['restart']);
    expect(nodeFaultActions('broker', true)[0]!.make('b1')).toEqual({ type: 'heal', atMs: 0, target: 'b1', of: 'crash' });
    expect(EDGE_FAULT_ACTIONS.map((a) => a.make('e').type)).toEqual(['linkDelay', 'linkLoss', 'partition', 'corrupt']);
    expect(EDGE_FAULT_ACTIONS.at(-1)!.make('e')).toEqual({ type: 'corrupt', atMs: 0, target: 'e', durationMs: 10_000, probability: 0.2 });
  });
});

class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onerror: ((ev: ErrorEvent | Event) => void) | null = null;
  postMessage(m: ToWorker) { this.sent.push(m); }
  terminate() {}
  reply(m: Untagged<FromWorker>) { this.onmessage?.({ data: { ...m, v: PROTOCOL_VERSION } } as MessageEvent); }
}

describe('live faults through the run store', () => {
  const setup = () => {
    const worker = new FakeWorker();
    const recorded: Fault[] = [];
    const refused: string[] = [];
    const run = createRunStore({
      createWorker: () => worker,
      getScenario: () => ({ ok: true, scenario: { seed: 1, durationMs: 1000, nodes: [], edges: [], faults: [] } as unknown as Scenario }),
      telemetry: { loaded: () => {}, frame: () => {}, clear: () => {} },
      timers: { now: () => 0, schedule: () => 0, cancel: () => {}, afterPaint: (f: () => void) => f() },
      faults: { record: (f) => recorded.push(f), refused: (m) => refused.push(m) },
    });
    return { worker, run, recorded, refused };
  };

  it('with no run loaded, loads the document first, then sends the fault; the answer is recorded', () => {
    const { worker, run, recorded } = setup();
    run.getState().injectFault({ type: 'crash', atMs: 0, target: 'c1', durationMs: 5000 });
    expect(worker.sent.map((m) => m.type)).toEqual(['load', 'setSpeed', 'injectFault']);
    expect(run.getState().loaded).toBe(true);
    const answer: Fault = { type: 'crash', atMs: 0, target: 'c1', durationMs: 5000, live: true };
    worker.reply({ type: 'faultInjected', requestId: 1, recorded: answer });
    expect(recorded).toEqual([answer]);
    expect(run.getState().log.at(-1)).toMatchObject({ kind: 'fault' });
  });

  it('a refusal is reported and the run goes on', () => {
    const { worker, run, recorded, refused } = setup();
    run.getState().play();
    run.getState().injectFault({ type: 'crash', atMs: 0, target: 'zz' });
    worker.reply({ type: 'faultRefused', requestId: 1, error: { code: 'bad_fault', message: 'no node or edge has id "zz"' } });
    expect(recorded).toEqual([]);
    expect(refused).toEqual(['no node or edge has id "zz"']);
    expect(run.getState().status).toBe('running');
  });

  it('after the end of the run, refuses instead of recording a fault that changes nothing', () => {
    const { worker, run, refused } = setup();
    run.getState().play();
    worker.reply({ type: 'frame', timeMs: 1000, events: 5, running: false, finished: true, live: new Float64Array(0), edgeTraffic: new Float64Array(0), edgeBackTraffic: new Float64Array(0), edgeLost: new Float64Array(0), samples: [] });
    expect(run.getState().status).toBe('finished');
    run.getState().injectFault({ type: 'crash', atMs: 0, target: 'c1' });
    expect(worker.sent.some((m) => m.type === 'injectFault')).toBe(false);
    expect(refused[0]).toMatch(/finished/);
  });
});
