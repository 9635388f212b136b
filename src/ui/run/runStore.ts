/**
 * Run state (zustand): status, speed, seed, simulated clock, errors and the run log.
 * A small state machine over the worker connection; the document store is only ever read.
 */
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { FrameMessage, FromWorker, Speed } from '../../protocol';
import type { Fault, Scenario } from '../../schema';
import { recordFault } from '../faults/faultTimeline';
import { notify } from '../notify/notifyStore';
import { FrameCoalescer, browserTimers, type Timers } from './frameCoalescer';
import { applyInspected, beginInspection, clearInspection, type InspectTarget } from './inspectionStore';
import { runKey } from './runKey';
import { LoadAnswers } from './loadAnswers';
import { appendLog, reviseLogText, settleLogTime, type RunLogEntry, type RunLogKind } from './runLog';
import { describeFault, timelineFaultsBetween } from './timelineFaults';
import { currentScenario, type ScenarioResult } from './scenarioSource';
import { StopAnswers } from './stopAnswers';
import { applyFrame, applyLoaded, clearTelemetry } from './telemetryStore';
import { WorkerClient, createBrowserWorker, type WorkerFactory } from './workerClient';

export type RunStatus = 'idle' | 'running' | 'paused' | 'finished' | 'error';
export interface RunError { code: string; message: string }

export interface RunState {
  status: RunStatus;
  speed: Speed;
  /** Seed chosen by the person; null means "the document's seed". */
  seedOverride: number | null;
  /** Seed of the loaded simulation (or of the document before anything is loaded); a new seed typed in shows here at once. */
  seed: number;
  /** Seed the loaded run runs (null: nothing loaded): a seed typed in after it loaded applies only from Reset. */
  runSeed: number | null;
  loaded: boolean;
  timeMs: number;
  durationMs: number;
  events: number;
  error: RunError | null;
  log: RunLogEntry[];
  /**
   * runKey of what the loaded run runs: the document as it was loaded, with the faults triggered live since (null:
   * nothing loaded). The document differs from the run when its runKey differs from this (isRunStale).
   */
  runKey: string | null;
  play(): void;
  pause(): void;
  toggle(): void;
  step(): void;
  reset(): void;
  setSpeed(speed: Speed): void;
  setSeed(seed: number): void;
  /** After a crash or engine error: a fresh worker and the current document, paused at 0. */
  restart(): void;
  /**
   * A document that comes with its seed (a lesson): that seed, the document loaded and ready at 0, as part of opening
   * it. Unlike setSeed and reset, which a person presses, it logs only the load.
   */
  prepare(seed: number): void;
  /**
   * Another document replaced this one (New, Open, an example, a lesson, a link): the run of the old one is
   * dropped, its figures cleared, and the seed is the new document's. Play then runs the new document.
   */
  discard(): void;
  /** Asks the worker for the messages a node holds or an edge last carried each way; the answer lands in the inspection store. */
  inspect(target: InspectTarget): void;
  /**
   * A live fault, now. With no run loaded it loads the document first (paused at 0), so the fault happens
   * at t = 0 of the run. The worker's answer is recorded into the document (deps.faults.record).
   */
  injectFault(fault: Fault): void;
}

export interface RunDeps {
  createWorker: WorkerFactory;
  getScenario: () => ScenarioResult;
  /** Telemetry sinks; the defaults feed the app's telemetry store. */
  telemetry?: { loaded: typeof applyLoaded; frame: typeof applyFrame; clear: typeof clearTelemetry };
  /** Message-inspector sinks; the defaults feed the app's inspection store. */
  inspection?: { begin: typeof beginInspection; apply: typeof applyInspected; clear: typeof clearInspection };
  /** Clock for coalescing frames; the browser's by default. */
  timers?: Timers;
  /** The audit's id limit to ask the worker for (the page's `?auditIdLimit=`, for tests); the worker's own by default. */
  auditIdLimit?: number;
  /** Where live faults go once the engine applied them (the document's timeline), and refusals (a toast). */
  faults?: { record(fault: Fault): void; refused(message: string): void };
}

export type RunStore = UseBoundStore<StoreApi<RunState>>;

export function createRunStore(deps: RunDeps): RunStore {
  const telemetry = deps.telemetry ?? { loaded: applyLoaded, frame: applyFrame, clear: clearTelemetry };
  const inspection = deps.inspection ?? { begin: beginInspection, apply: applyInspected, clear: clearInspection };
  const faults = deps.faults ?? { record: () => undefined, refused: () => undefined };
  let faultRequests = 0;
  const stops = new StopAnswers();
  /** The document the loaded run runs, and the faults triggered live since it was loaded (runKey). */
  let loadedScenario: Scenario | null = null;
  let liveFaults: Fault[] = [];
  /** The run's time up to which its document's fault timeline is in the log (timelineFaults.ts); -1 before the start. */
  let timelineLoggedUntil = -1;
  const loads = new LoadAnswers();
  return create<RunState>()((set, get) => {
    /** Appends an entry, at the run's clock unless told the time; returns its id. */
    const log = (kind: RunLogKind, text: string, timeMs?: number): number => {
      set((s) => ({ log: appendLog(s.log, kind, timeMs ?? s.timeMs, text) }));
      return get().log.at(-1)!.id;
    };
    const sendStop = (type: 'pause' | 'step'): number => {
      const requestId = stops.nextRequest();
      client.send({ type, requestId });
      return requestId;
    };
    /** Pause or Step: paused at once, logged now (keeping its place), timed when the worker answers. */
    const stop = (type: 'pause' | 'step', text: string) => {
      const requestId = sendStop(type);
      set({ status: 'paused' });
      stops.stopped(requestId, log(type, text));
    };
    /** The first error is the cause and stays shown; later ones (e.g. the crash it led to) are only logged. */
    const fail = (error: RunError) => {
      frames.clear();
      if (get().status !== 'error') set({ status: 'error', error });
      log('error', `${error.code}: ${error.message}`);
    };
    /** Applies a (coalesced) frame: figures, clock, and the end of the run. */
    const applyFrame = (msg: FrameMessage) => {
      if (get().status === 'error') return;
      telemetry.frame(msg);
      set({ timeMs: msg.timeMs, events: msg.events });
      logTimelineFaults(msg.timeMs);
      if (msg.finished && get().status !== 'finished') {
        set({ status: 'finished' });
        log('finished', `Finished after ${msg.events} events`);
      }
    };
    /** The document's scheduled faults the run has reached since the last frame, each at its own time. */
    const logTimelineFaults = (timeMs: number) => {
      if (!loadedScenario || timeMs <= timelineLoggedUntil) return;
      const entries = [...timelineFaultsBetween(loadedScenario.faults, timelineLoggedUntil, timeMs),
        ...timelineFaultsBetween(liveFaults, timelineLoggedUntil, timeMs, true)].sort((a, b) => a.timeMs - b.timeMs);
      for (const e of entries) log('fault', e.text, e.timeMs);
      timelineLoggedUntil = timeMs;
    };
    const frames = new FrameCoalescer(applyFrame, deps.timers ?? browserTimers);
    const client = new WorkerClient(deps.createWorker, {
      onMessage: (msg) => receive(msg),
      onFailure: fail,
    });

    /** Loaded but not started (after Reset, say), and the document edited since: nothing run is lost by loading it again. */
    const unstartedAndEdited = (): boolean => {
      const st = get();
      if (!st.loaded || st.status !== 'idle' || st.events > 0) return false;
      const doc = deps.getScenario();
      return doc.ok && runKey(doc.scenario) !== st.runKey;
    };
    /** Loads the current document; false (and an error state) when there is none. */
    const load = (): boolean => {
      const doc = deps.getScenario();
      if (!doc.ok) { fail(doc.error); return false; }
      const seed = get().seedOverride ?? doc.scenario.seed;
      frames.clear();
      telemetry.clear();
      inspection.clear();
      stops.newRun(); // a Play now starts the new run at 0
      client.send({ type: 'load', scenario: doc.scenario, seed, ...(deps.auditIdLimit !== undefined ? { auditIdLimit: deps.auditIdLimit } : {}) });
      client.send({ type: 'setSpeed', speed: get().speed });
      loadedScenario = doc.scenario;
      liveFaults = [];
      timelineLoggedUntil = -1;
      set({ loaded: true, status: 'idle', timeMs: 0, events: 0, seed, runSeed: seed, durationMs: doc.scenario.durationMs, error: null, runKey: runKey(doc.scenario) });
      // Logged now, before the Play or Step that asked for it; its text is the worker's once it has loaded.
      loads.sent(log('loaded', `Loading ${doc.scenario.nodes.length} nodes, ${doc.scenario.edges.length} edges with seed ${seed}`, 0));
      return true;
    };

    const receive = (msg: FromWorker) => {
      if (get().status === 'error') return;
      // The worker answers every load, in order: the answer to a load whose run was discarded is skipped.
      const entry = msg.type === 'loaded' ? loads.answered() : undefined;
      if (entry === null) return;
      // Frames still on their way from a run that was discarded belong to the old document.
      if (!get().loaded && (msg.type === 'frame' || msg.type === 'paused' || msg.type === 'loaded' || msg.type === 'inspected' || msg.type === 'inspectedEdge')) return;
      if (msg.type === 'loaded') {
        telemetry.loaded(msg);
        set({ seed: msg.seed, durationMs: msg.durationMs });
        const text = `Loaded ${msg.nodeIds.length} nodes, ${msg.edgeIds.length} edges with seed ${msg.seed}`;
        if (entry === undefined) log('loaded', text);
        else set((s) => ({ log: reviseLogText(s.log, entry, text) }));
      } else if (msg.type === 'frame') {
        frames.push(msg);
      } else if (msg.type === 'paused') {
        const entries = stops.answered(msg.requestId);
        set((s) => ({ log: entries.reduce((l, id) => settleLogTime(l, id, msg.timeMs), s.log) }));
      } else if (msg.type === 'inspected' || msg.type === 'inspectedEdge') {
        inspection.apply(msg);
      } else if (msg.type === 'faultInjected') {
        faults.record(msg.recorded);
        liveFaults.push(msg.recorded);
        if (loadedScenario) set({ runKey: runKey(loadedScenario, liveFaults) }); // the run has it, and so does the document
        log('fault', `Fault: ${describeFault(msg.recorded)}`, msg.recorded.atMs); // its time is the entry's own
      } else if (msg.type === 'faultRefused') {
        faults.refused(msg.error.message);
        log('error', `Fault refused: ${msg.error.message}`);
      } else {
        fail(msg.error);
      }
    };

    const canAct = () => get().status !== 'error';

    return {
      status: 'idle', speed: 1, seedOverride: null, seed: 1, runSeed: null, loaded: false,
      timeMs: 0, durationMs: 0, events: 0, error: null, log: [], runKey: null,
      play() {
        const s = get().status;
        if (!canAct() || s === 'running') return;
        if (s === 'finished' || !get().loaded || unstartedAndEdited()) { if (!load()) return; }
        client.send({ type: 'play' });
        set({ status: 'running' });
        stops.resumed(log('play', 'Play'));
      },
      pause() {
        if (get().status !== 'running') return;
        stop('pause', 'Pause');
      },
      toggle() {
        if (get().status === 'running') get().pause(); else get().play();
      },
      step() {
        const s = get().status;
        if (!canAct() || s === 'finished') return;
        if ((!get().loaded || unstartedAndEdited()) && !load()) return;
        stop('step', 'Step');
      },
      reset() {
        if (!canAct()) return;
        log('reset', 'Reset');
        load();
      },
      setSpeed(speed) {
        set({ speed });
        if (get().loaded) client.send({ type: 'setSpeed', speed });
        log('speed', `Speed ${speed === 'max' ? 'max' : `${speed}×`}`);
      },
      setSeed(seed) {
        if (!Number.isSafeInteger(seed) || seed < 0) return;
        set({ seedOverride: seed, seed });
        if (get().status === 'idle') set({ loaded: false, runSeed: null });
        log('seed', `Seed ${seed} (applies on ${get().loaded ? 'Reset' : 'Play'})`);
      },
      prepare(seed) {
        if (!Number.isSafeInteger(seed) || seed < 0) return;
        set({ seedOverride: seed, seed });
        if (get().status === 'error') get().restart(); else load();
      },
      restart() {
        client.dispose();
        frames.clear();
        stops.clear(); // the old worker will not answer
        loads.clear();
        set({ status: 'idle', error: null, loaded: false });
        log('restart', 'Restarted the simulation worker');
        load();
      },
      discard() {
        if (get().status === 'error') return; // the error stays shown until Restart
        const doc = deps.getScenario();
        const seed = doc.ok ? { seed: doc.scenario.seed, durationMs: doc.scenario.durationMs } : {};
        if (!get().loaded) { set({ seedOverride: null, ...seed }); return; }
        if (get().status === 'running') sendStop('pause'); // its answer belongs to the old run: nothing waits on it
        frames.clear();
        telemetry.clear();
        inspection.clear();
        // Their answers, still on their way, are of the old document: skipped, and their lines say they were not run.
        set((s) => ({ log: loads.discardAll().reduce(notRun, s.log) }));
        set({ loaded: false, status: 'idle', timeMs: 0, events: 0, seedOverride: null, runKey: null, runSeed: null, ...seed });
        log('opened', `Opened “${doc.ok ? doc.scenario.name : 'another document'}”: the previous run was cleared`);
      },
      inspect(target) {
        if (!get().loaded || get().status === 'error') return;
        const requestId = inspection.begin(target);
        if (target.kind === 'node') client.send({ type: 'inspectNode', requestId, nodeId: target.id, limit: target.limit });
        else client.send({ type: 'inspectEdge', requestId, edgeId: target.id });
      },
      injectFault(fault) {
        if (!canAct()) return;
        // A fault at the very end changes nothing and would clutter the timeline.
        if (get().status === 'finished') { faults.refused('the run has finished: Reset, then trigger the fault while it runs'); return; }
        if (!get().loaded && !load()) return;
        client.send({ type: 'injectFault', requestId: ++faultRequests, fault });
      },
    };
  });
}

/** The line of a load whose run was discarded before the worker answered: it never ran. */
function notRun(log: RunLogEntry[], id: number): RunLogEntry[] {
  const entry = log.find((e) => e.id === id);
  return entry ? reviseLogText(log, id, `${entry.text.replace(/^Loading/, 'Not run:')}, cleared when another document was opened`) : log;
}

/** `?auditIdLimit=N` in the page's address (a whole number ≥ 1): for tests that need the audit to stop soon. */
export function auditIdLimitFromAddress(search = typeof location === 'undefined' ? '' : location.search): number | undefined {
  const raw = new URLSearchParams(search).get('auditIdLimit');
  const n = raw === null || raw === '' ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

export const useRunStore: RunStore = createRunStore({
  createWorker: createBrowserWorker, getScenario: currentScenario, auditIdLimit: auditIdLimitFromAddress(),
  faults: {
    record: (fault) => {
      const result = recordFault(fault);
      if (!result.ok) notify(`The fault happened but could not be recorded: ${result.errors.map((e) => e.message).join('; ')}`, 'error');
    },
    refused: (message) => notify(`Fault refused: ${message}`, 'error'),
  },
});
