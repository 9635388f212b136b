import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type FrameMessage, type FromWorker, type ToWorker, type Untagged } from '../../protocol';
import type { Fault, Scenario } from '../../schema';
import { runKey } from './runKey';
import { auditIdLimitFromAddress, createRunStore } from './runStore';
import type { WorkerLike } from './workerClient';

/** Test double for the worker: records what it is sent; the test plays the worker's answers. */
class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onerror: ((ev: ErrorEvent | Event) => void) | null = null;
  postMessage(m: ToWorker) { this.sent.push(m); }
  terminate() { this.terminated = true; }
  reply(m: Untagged<FromWorker>) { this.onmessage?.({ data: { ...m, v: PROTOCOL_VERSION } } as MessageEvent); }
  crash(message: string) { this.onerror?.({ message } as ErrorEvent); }
}

/** Frames are coalesced on a clock; this one stands still, so only the first and stopping frames apply at once. */
const fakeTimers = { now: () => 0, schedule: () => 0, cancel: () => {}, afterPaint: (run: () => void) => run() };

const doc = (seed = 5, durationMs = 1000) => ({ seed, durationMs, nodes: [], edges: [], faults: [] }) as unknown as Scenario;

function setup(scenario: () => Scenario = () => doc(), auditIdLimit?: number) {
  const workers: FakeWorker[] = [];
  const telemetry = { loaded: () => {}, frame: () => {}, clear: () => {} };
  const store = createRunStore({
    ...(auditIdLimit !== undefined ? { auditIdLimit } : {}),
    createWorker: () => { const w = new FakeWorker(); workers.push(w); return w; },
    getScenario: () => ({ ok: true, scenario: scenario() }),
    telemetry,
    timers: fakeTimers,
  });
  const types = () => workers.flatMap((w) => w.sent.map((m) => m.type));
  return { store, workers, types, w: () => workers.at(-1)! };
}

const frame = (timeMs: number, events: number, finished = false): Untagged<FrameMessage> =>
  ({ type: 'frame', timeMs, events, running: !finished, finished, live: new Float64Array(0), edgeTraffic: new Float64Array(0), edgeBackTraffic: new Float64Array(0), edgeLost: new Float64Array(0), samples: [] });

/** The frame a pause or step posts: the run stopped, not finished. */
const stoppedFrame = (timeMs: number, events: number): Untagged<FrameMessage> => ({ ...frame(timeMs, events), running: false });

describe('run store', () => {
  it('Play with nothing loaded loads the current document with its seed, then plays', () => {
    const { store, w, types } = setup();
    store.getState().play();
    expect(types()).toEqual(['load', 'setSpeed', 'play']);
    expect(w().sent[0]).toMatchObject({ v: PROTOCOL_VERSION, type: 'load', seed: 5 });
    expect(store.getState()).toMatchObject({ status: 'running', loaded: true, durationMs: 1000, seed: 5 });
  });

  it('logs the load before the Play that asked for it, in the worker\'s words once it has loaded', () => {
    const { store, w } = setup(() => ({ ...doc(), nodes: [{}, {}], edges: [{}] }) as unknown as Scenario);
    store.getState().play();
    expect(store.getState().log.map((e) => [e.kind, e.text])).toEqual([['loaded', 'Loading 2 nodes, 1 edges with seed 5'], ['play', 'Play']]);
    w().reply({ type: 'loaded', seed: 5, durationMs: 1000, nodeIds: ['a', 'b'], edgeIds: ['e'], liveFields: [], sampleFields: [] });
    expect(store.getState().log.map((e) => [e.kind, e.text])).toEqual([['loaded', 'Loaded 2 nodes, 1 edges with seed 5'], ['play', 'Play']]);
    // Reset: logged first, then the new load, which the next answer describes.
    store.getState().reset();
    w().reply({ type: 'loaded', seed: 5, durationMs: 1000, nodeIds: ['a', 'b'], edgeIds: ['e'], liveFields: [], sampleFields: [] });
    expect(store.getState().log.map((e) => e.kind)).toEqual(['loaded', 'play', 'reset', 'loaded']);
    expect(store.getState().log.at(-1)!.text).toBe('Loaded 2 nodes, 1 edges with seed 5');
  });

  it("asks the worker for the page's audit id limit, and for none unless the page has one", () => {
    const limited = setup(undefined, 300);
    limited.store.getState().play();
    expect(limited.w().sent[0]).toMatchObject({ type: 'load', auditIdLimit: 300 });
    const plain = setup();
    plain.store.getState().play();
    expect(plain.w().sent[0]).not.toHaveProperty('auditIdLimit');
  });

  it('reads the audit id limit from the address: a whole number of at least 1, or none', () => {
    expect(auditIdLimitFromAddress('?auditIdLimit=2000')).toBe(2000);
    expect(auditIdLimitFromAddress('?x=1&auditIdLimit=7')).toBe(7);
    for (const bad of ['', '?auditIdLimit=', '?auditIdLimit=0', '?auditIdLimit=-5', '?auditIdLimit=1.5', '?auditIdLimit=abc']) expect(auditIdLimitFromAddress(bad)).toBeUndefined();
  });

  it('pause, step and play move through the states', () => {
    const { store, types } = setup();
    store.getState().play();
    store.getState().pause();
    expect(store.getState().status).toBe('paused');
    store.getState().step();
    expect(store.getState().status).toBe('paused');
    store.getState().toggle();
    expect(store.getState().status).toBe('running');
    store.getState().toggle();
    expect(store.getState().status).toBe('paused');
    expect(types()).toEqual(['load', 'setSpeed', 'play', 'pause', 'step', 'play', 'pause']);
  });

  it('logs Pause and Step at the simulated time the worker stopped at, not at the last frame the page showed', () => {
    const { store, w } = setup();
    store.getState().play();
    w().reply(frame(250, 40));
    w().reply(frame(400, 60)); // coalesced: not shown yet
    store.getState().pause();
    store.getState().play(); // pressed before the worker's answer came: the log keeps the order of the presses
    store.getState().step();
    const [pause, step] = w().sent.filter((m) => m.type === 'pause' || m.type === 'step') as { requestId: number }[];
    w().reply(stoppedFrame(480, 70));
    w().reply({ type: 'paused', requestId: pause!.requestId, timeMs: 480, events: 70 });
    w().reply(stoppedFrame(530, 71));
    w().reply({ type: 'paused', requestId: step!.requestId, timeMs: 530, events: 71 });
    const entries = store.getState().log.filter((e) => e.kind !== 'loaded').map((e) => [e.kind, e.timeMs]);
    expect(entries).toEqual([['play', 0], ['pause', 480], ['play', 480], ['step', 530]]);
  });

  it('logs a live fault at the time it happened, and ignores a stop answer from a worker it restarted', () => {
    const { store, w } = setup();
    store.getState().step();
    w().reply({ type: 'faultInjected', requestId: 1, recorded: { type: 'crash', target: 'q', atMs: 120, live: true } });
    expect(store.getState().log.at(-1)).toMatchObject({ kind: 'fault', timeMs: 120 });
    const step = w().sent.find((m) => m.type === 'step') as { requestId: number };
    const old = w();
    store.getState().restart();
    old.reply({ type: 'paused', requestId: step.requestId, timeMs: 999, events: 1 });
    expect(store.getState().log.find((e) => e.kind === 'step')?.timeMs).toBe(0);
  });

  it('logs the document\'s scheduled faults as the run reaches them, each at its own time, once', () => {
    const faults: Fault[] = [{ type: 'crash', target: 'c', atMs: 100, durationMs: 200 }];
    const { store, w } = setup(() => ({ ...doc(), faults }) as unknown as Scenario);
    store.getState().play();
    w().reply(frame(50, 10)); // the first frame applies at once
    expect(store.getState().log.filter((e) => e.kind === 'fault')).toEqual([]);
    store.getState().pause();
    w().reply(stoppedFrame(350, 40));
    store.getState().step();
    w().reply(stoppedFrame(360, 41));
    expect(store.getState().log.filter((e) => e.kind === 'fault').map((e) => [e.timeMs, e.text]))
      .toEqual([[100, 'Fault: crash c for 200 ms'], [300, 'Fault over: crash c']]);
    // Reset and play again: the new run logs them again.
    store.getState().reset();
    store.getState().play();
    store.getState().pause();
    w().reply(stoppedFrame(400, 50));
    expect(store.getState().log.filter((e) => e.kind === 'fault')).toHaveLength(4);
  });

  it('logs a live fault\'s end when the run reaches it', () => {
    const { store, w } = setup();
    store.getState().play();
    w().reply(frame(50, 10));
    w().reply({ type: 'faultInjected', requestId: 1, recorded: { type: 'crash', target: 'q', atMs: 120, durationMs: 5000, live: true } });
    // Said as the timeline's faults are (timelineFaults.ts describeFault), not by the fault's type name.
    w().reply({ type: 'faultInjected', requestId: 2, recorded: { type: 'poison', target: 'p', atMs: 130, count: 3, live: true } });
    store.getState().pause();
    w().reply(stoppedFrame(6000, 90));
    expect(store.getState().log.filter((e) => e.kind === 'fault').map((e) => [e.timeMs, e.text]))
      .toEqual([[120, 'Fault: crash q for 5 s'], [130, 'Fault: poison message ×3 p'], [5120, 'Fault over: crash q']]);
  });

  it('keeps the runKey of what the run runs: the document as loaded, with the faults triggered live since', () => {
    let current = doc();
    const { store, w } = setup(() => current);
    store.getState().play();
    const loadedKey = runKey(current);
    expect(store.getState().runKey).toBe(loadedKey);
    const crash = { type: 'crash', target: 'q', atMs: 120, live: true } as unknown as Fault;
    w().reply({ type: 'faultInjected', requestId: 1, recorded: crash });
    current = { ...current, faults: [crash] }; // what recording it into the document does
    expect(store.getState().runKey).toBe(runKey(current));
    expect(store.getState().runKey).not.toBe(loadedKey);
  });

  it('Play after Reset loads the document again when it was edited meanwhile, and only then', () => {
    let current = doc();
    const { store, types } = setup(() => current);
    store.getState().play();
    store.getState().reset(); // loaded, idle, nothing run
    expect(types().filter((t) => t === 'load')).toHaveLength(2);
    store.getState().play();
    expect(types().filter((t) => t === 'load')).toHaveLength(2); // unchanged: the loaded run is the document's
    store.getState().reset();
    current = doc(5, 2000); // edited after the reset
    store.getState().play();
    expect(types().filter((t) => t === 'load')).toHaveLength(4);
    expect(store.getState().runKey).toBe(runKey(current));
  });

  it('a lesson\'s seed and load, as part of opening it, log only the load (not a Seed or a Reset nobody pressed)', () => {
    const { store, types } = setup();
    store.getState().play();
    const before = store.getState().log.length;
    store.getState().prepare(9);
    expect(store.getState()).toMatchObject({ seed: 9, seedOverride: 9, loaded: true, status: 'idle' });
    expect(types().filter((t) => t === 'load')).toHaveLength(2);
    expect(store.getState().log.slice(before).map((e) => e.kind)).toEqual(['loaded']);
  });

  it('skips the answer to a load whose run was discarded: the next answer is the new document\'s', () => {
    let current = doc(5);
    const { store, w } = setup(() => current);
    const loaded = (seed: number, nodes: number) => w().reply({ type: 'loaded', seed, durationMs: 1000, nodeIds: Array.from({ length: nodes }, (_, i) => `n${i}`), edgeIds: [], liveFields: [], sampleFields: [] });
    store.getState().play(); // loads the first document; its answer is still on its way
    current = { ...doc(9), nodes: [{}, {}] } as unknown as Scenario; // another document is opened
    store.getState().discard();
    store.getState().prepare(9);
    loaded(5, 0); // the first document's answer: skipped
    expect(store.getState().seed).toBe(9);
    loaded(9, 2);
    const loads = store.getState().log.filter((e) => e.kind === 'loaded').map((e) => e.text);
    // The discarded load's line says it never ran, rather than "Loading …" for ever.
    expect(loads).toEqual(['Not run: 0 nodes, 0 edges with seed 5, cleared when another document was opened', 'Loaded 2 nodes, 0 edges with seed 9']);
    expect(store.getState().log.filter((e) => e.kind === 'opened')).toHaveLength(1);
  });

  it('keeps the seed the loaded run runs apart from a seed typed in since (which applies from Reset)', () => {
    const { store } = setup();
    store.getState().play();
    expect(store.getState()).toMatchObject({ seed: 5, runSeed: 5 });
    store.getState().setSeed(9);
    expect(store.getState()).toMatchObject({ seed: 9, runSeed: 5 });
    store.getState().reset();
    expect(store.getState()).toMatchObject({ seed: 9, runSeed: 9 });
    store.getState().discard();
    expect(store.getState().runSeed).toBeNull();
  });

  it('follows frames: clock, events and finished', () => {
    const { store, w } = setup();
    store.getState().play();
    w().reply(frame(250, 40));
    expect(store.getState()).toMatchObject({ timeMs: 250, events: 40, status: 'running' });
    w().reply(frame(1000, 99, true));
    expect(store.getState().status).toBe('finished');
    expect(store.getState().log.filter((e) => e.kind === 'finished')).toHaveLength(1);
  });

  it('Play after finished starts a fresh run', () => {
    const { store, w, types } = setup();
    store.getState().play();
    w().reply(frame(1000, 99, true));
    store.getState().play();
    expect(types().slice(-3)).toEqual(['load', 'setSpeed', 'play']);
    expect(store.getState().status).toBe('running');
  });

  it('Reset reloads the current document, so edits are picked up', () => {
    let current = doc(5, 1000);
    const { store, w } = setup(() => current);
    store.getState().play();
    current = doc(5, 2000);
    store.getState().reset();
    expect(w().sent.at(-2)).toMatchObject({ type: 'load', scenario: { durationMs: 2000 } });
    expect(store.getState()).toMatchObject({ status: 'idle', durationMs: 2000, timeMs: 0 });
  });

  it('a chosen seed overrides the document seed from the next load', () => {
    const { store, w } = setup();
    store.getState().setSeed(77);
    store.getState().play();
    expect(w().sent[0]).toMatchObject({ type: 'load', seed: 77 });
    store.getState().setSeed(-1);
    expect(store.getState().seedOverride).toBe(77);
  });

  it('sends speed changes to a loaded worker', () => {
    const { store, w } = setup();
    store.getState().setSpeed('max');
    store.getState().play();
    expect(w().sent[1]).toMatchObject({ type: 'setSpeed', speed: 'max' });
    store.getState().setSpeed(10);
    expect(w().sent.at(-1)).toMatchObject({ type: 'setSpeed', speed: 10 });
  });

  it('an engine error stops the run with a message; Restart starts a fresh worker', () => {
    const { store, workers, w } = setup();
    store.getState().play();
    w().reply({ type: 'error', error: { code: 'boom', message: 'it broke' } });
    expect(store.getState()).toMatchObject({ status: 'error', error: { code: 'boom' } });
    store.getState().play();
    expect(store.getState().status).toBe('error');
    store.getState().restart();
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(store.getState()).toMatchObject({ status: 'idle', error: null, loaded: true });
  });

  it('a worker crash becomes a clear error', () => {
    const { store, w } = setup();
    store.getState().play();
    w().crash('out of memory');
    expect(store.getState().error).toMatchObject({ code: 'worker-crashed', message: expect.stringContaining('out of memory') });
    expect(w().terminated).toBe(true);
  });

  it('a reply in another protocol version is an error, not ignored', () => {
    const { store, w } = setup();
    store.getState().play();
    w().onmessage?.({ data: { v: PROTOCOL_VERSION + 1, type: 'frame' } } as MessageEvent);
    expect(store.getState().error?.code).toBe('protocol-mismatch');
  });

  it('a missing document is an error value', () => {
    const store = createRunStore({
      createWorker: () => new FakeWorker(),
      getScenario: () => ({ ok: false, error: { code: 'no-document', message: 'none' } }),
      telemetry: { loaded: () => {}, frame: () => {}, clear: () => {} },
      timers: fakeTimers,
    });
    store.getState().play();
    expect(store.getState()).toMatchObject({ status: 'error', error: { code: 'no-document' } });
  });

  describe('discard (another document was opened)', () => {
    function setupCounting() {
      let current = doc(5, 1000);
      const calls = { frames: 0, clears: 0 };
      const workers: FakeWorker[] = [];
      const store = createRunStore({
        createWorker: () => { const w = new FakeWorker(); workers.push(w); return w; },
        getScenario: () => ({ ok: true, scenario: current }),
        telemetry: { loaded: () => {}, frame: () => { calls.frames++; }, clear: () => { calls.clears++; } },
        timers: fakeTimers,
      });
      return { store, calls, w: () => workers.at(-1)!, open: (next: Scenario) => { current = next; store.getState().discard(); } };
    }

    it('stops a running run, clears its figures and ignores its late frames; Play then runs the new document', () => {
      const { store, calls, w, open } = setupCounting();
      store.getState().play();
      w().reply(frame(250, 40));
      expect(calls.frames).toBe(1);
      const clearsBefore = calls.clears;
      open(doc(9, 3000));
      expect(w().sent.at(-1)?.type).toBe('pause');
      expect(calls.clears).toBe(clearsBefore + 1);
      expect(store.getState()).toMatchObject({ status: 'idle', loaded: false, timeMs: 0, events: 0, seed: 9, durationMs: 3000 });
      expect(store.getState().log.at(-1)?.text).toContain('previous run was cleared');
      w().reply(frame(500, 80, true)); // still on its way from the old run (a stopping frame would apply at once)
      expect(calls.frames).toBe(1);
      expect(store.getState().timeMs).toBe(0);
      store.getState().play();
      expect(w().sent.slice(-3).map((m) => m.type)).toEqual(['load', 'setSpeed', 'play']);
      expect(w().sent.at(-3)).toMatchObject({ type: 'load', seed: 9 });
      w().reply(frame(3000, 10, true)); // a stopping frame applies at once on the standing clock
      expect(store.getState()).toMatchObject({ status: 'finished', timeMs: 3000 });
    });

    it('drops a seed chosen for the old document, and leaves a run in error for Restart', () => {
      const { store, w, open } = setupCounting();
      store.getState().setSeed(77);
      open(doc(3));
      expect(store.getState()).toMatchObject({ seedOverride: null, seed: 3, loaded: false });
      store.getState().play();
      w().crash('boom');
      open(doc(4));
      expect(store.getState().status).toBe('error');
    });
  });
});
