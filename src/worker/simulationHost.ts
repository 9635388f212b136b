/**
 * The worker's logic, independent of the worker global so it can be tested with a fake clock and a
 * fake simulation: receives ToWorker messages, paces the engine, posts batched frames.
 */
import { LIVE_FIELDS, SAMPLE_FIELDS, type EngineError, type MessageView, type Simulation } from '../engine/api';
import { MAX_INSPECT, MAX_SPEED, MIN_SPEED, PROTOCOL_VERSION, type FromWorker, type Speed, type ToWorker } from '../protocol';
import type { Fault, Scenario } from '../schema';
import { MIN_CHUNK_EVENTS, WORK_BUDGET_MS, nextChunkEvents, paceTarget, snapshotDue, tickDelay } from './pacer';

export interface HostDeps {
  createSimulation(scenario: Scenario, seed: number, auditIdLimit?: number): Simulation;
  post(message: FromWorker, transfer: Transferable[]): void;
  /** Wall clock, ms. */
  now(): number;
  schedule(run: () => void, delayMs: number): unknown;
  cancel(handle: unknown): void;
}

type Loaded = { scenario: Scenario; seed: number; auditIdLimit: number | undefined; sim: Simulation };

export class SimulationHost {
  private loaded: Loaded | null = null;
  private speed: Speed = 1;
  private running = false;
  private finished = false;
  private timer: unknown = null;
  private lastWall = 0;
  private lastSnapshotWall = -Infinity;
  private chunk = MIN_CHUNK_EVENTS; // start small: the first chunk has no timing to go on

  constructor(private readonly deps: HostDeps) {}

  /** Entry point for every message from the UI. Never throws: failures become error messages. */
  handle(data: unknown): void {
    this.guard(() => this.dispatch(data));
  }

  /** Runs `work`; an exception becomes an error message (and stops the run), never an uncaught throw. */
  private guard(work: () => void): void {
    try {
      work();
    } catch (e) {
      this.fail({ code: 'engine-threw', message: `The engine failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  private dispatch(data: unknown): void {
    const msg = data as Partial<ToWorker> | null;
    if (!msg || msg.v !== PROTOCOL_VERSION) {
      this.fail({ code: 'protocol-mismatch', message: `The page spoke protocol version ${String(msg?.v)}; this worker expects ${PROTOCOL_VERSION}. Reload the page.` });
      return;
    }
    const m = msg as ToWorker;
    switch (m.type) {
      case 'load': return this.load(m.scenario, m.seed, m.auditIdLimit);
      case 'reset': return this.loaded ? this.load(this.loaded.scenario, this.loaded.seed, this.loaded.auditIdLimit) : this.fail(notLoaded('reset'));
      case 'play': return this.play();
      case 'pause': return this.pause(m.requestId);
      case 'step': return this.step(m.requestId);
      case 'setSpeed': return this.setSpeed(m.speed);
      case 'inspectNode': return this.inspectNode(m.requestId, m.nodeId, m.limit);
      case 'inspectEdge': return this.inspectEdge(m.requestId, m.edgeId);
      case 'injectFault': return this.injectFault(m.requestId, m.fault);
      default: this.fail({ code: 'unknown-message', message: `Unknown message type ${JSON.stringify((m as { type: unknown }).type)}.` });
    }
  }

  private load(scenario: Scenario, seed: number, auditIdLimit: number | undefined): void {
    this.stop();
    this.loaded = null;
    const sim = this.deps.createSimulation(scenario, seed, auditIdLimit);
    this.loaded = { scenario, seed: sim.seed, auditIdLimit, sim };
    this.finished = false;
    this.deps.post({
      v: PROTOCOL_VERSION, type: 'loaded', seed: sim.seed, durationMs: scenario.durationMs,
      nodeIds: [...sim.nodeIds], edgeIds: [...sim.edgeIds], liveFields: LIVE_FIELDS, sampleFields: SAMPLE_FIELDS,
    }, []);
    this.postFrame(true);
  }

  private play(): void {
    if (!this.loaded) return this.fail(notLoaded('play'));
    if (this.running || this.finished) return;
    this.running = true;
    this.lastWall = this.deps.now();
    this.timer = this.deps.schedule(() => this.guard(() => this.tick()), 0);
  }

  /** Answered even when the run had already stopped (finished, or paused by a step), so the UI learns where. */
  private pause(requestId: number): void {
    if (this.running) {
      this.stop();
      this.postFrame(true);
    }
    this.postPaused(requestId);
  }

  private step(requestId: number): void {
    const sim = this.loaded?.sim;
    if (!sim) return this.fail(notLoaded('step'));
    this.stop();
    if (!this.finished) {
      const end = this.loaded!.scenario.durationMs;
      const result = sim.nextEventTime() > end ? sim.runUntil(end) : sim.step();
      if (result.error) return this.fail(result.error);
      this.finished = sim.now() >= end;
    }
    this.postFrame(true);
    this.postPaused(requestId);
  }

  /** Where the run stopped; nothing when nothing is loaded (a pause then has nothing to stop). */
  private postPaused(requestId: number): void {
    const sim = this.loaded?.sim;
    if (sim) this.deps.post({ v: PROTOCOL_VERSION, type: 'paused', requestId, timeMs: sim.now(), events: sim.events() }, []);
  }

  private setSpeed(speed: Speed): void {
    const ok = speed === 'max' || (typeof speed === 'number' && speed >= MIN_SPEED && speed <= MAX_SPEED);
    if (!ok) return this.fail({ code: 'bad-speed', message: `Speed must be between ${MIN_SPEED}× and ${MAX_SPEED}× or "max"; got ${String(speed)}.` });
    this.speed = speed;
  }

  /** Inspection only reads: it never changes the run, and an unknown id or no simulation is an empty answer. */
  private inspectNode(requestId: number, nodeId: string, limit: number): void {
    const sim = this.loaded?.sim;
    const n = Number.isInteger(limit) && limit > 0 ? Math.min(limit, MAX_INSPECT) : 50;
    const messages = sim ? sim.inspectNode(nodeId, n) : null;
    this.postInspected(requestId, messages);
  }

  /** Both ways at once: the edge inspector shows a direct call's last request and last reply side by side. */
  private inspectEdge(requestId: number, edgeId: string): void {
    const sim = this.loaded?.sim;
    const found = sim !== undefined && sim.edgeIds.includes(edgeId);
    this.deps.post({
      v: PROTOCOL_VERSION, type: 'inspectedEdge', requestId, found, timeMs: sim?.now() ?? 0,
      forward: found ? sim.inspectEdge(edgeId, 'forward') : null, back: found ? sim.inspectEdge(edgeId, 'back') : null,
    }, []);
  }

  /**
   * A live fault: the engine applies it now and returns it as it should be recorded. The host applies it at
   * once (so a paused run shows it), keeps it in its copy of the scenario (its own reset replays it), posts
   * the recorded fault for the document, then a frame with a snapshot (audit.faults marks the charts).
   */
  private injectFault(requestId: number, fault: Fault): void {
    const loaded = this.loaded;
    if (!loaded) {
      this.deps.post({ v: PROTOCOL_VERSION, type: 'faultRefused', requestId, error: notLoaded('inject a fault') }, []);
      return;
    }
    const result = loaded.sim.injectFault(fault);
    if (!result.ok) {
      this.deps.post({ v: PROTOCOL_VERSION, type: 'faultRefused', requestId, error: result.error }, []);
      return;
    }
    const applied = loaded.sim.runUntil(loaded.sim.now());
    if (applied.error) return this.fail(applied.error);
    loaded.scenario = { ...loaded.scenario, faults: [...loaded.scenario.faults, result.recorded] };
    this.deps.post({ v: PROTOCOL_VERSION, type: 'faultInjected', requestId, recorded: result.recorded }, []);
    this.postFrame(true);
  }

  private postInspected(requestId: number, messages: MessageView[] | null): void {
    const timeMs = this.loaded?.sim.now() ?? 0;
    this.deps.post({ v: PROTOCOL_VERSION, type: 'inspected', requestId, found: messages !== null, timeMs, messages: messages ?? [] }, []);
  }

  private tick(): void {
    this.timer = null;
    if (!this.running || !this.loaded) return;
    const { sim, scenario } = this.loaded;
    const start = this.deps.now();
    const target = paceTarget(sim.now(), start - this.lastWall, this.speed, scenario.durationMs);
    this.lastWall = start;
    const error = this.advance(sim, target, start + WORK_BUDGET_MS);
    if (error) return this.fail(error);
    this.finished = sim.now() >= scenario.durationMs;
    if (this.finished) this.running = false;
    this.postFrame(this.finished || snapshotDue(this.lastSnapshotWall, this.deps.now()));
    if (this.running) this.timer = this.deps.schedule(() => this.guard(() => this.tick()), tickDelay(this.deps.now() - start));
  }

  /** Runs chunks towards `target` until it is reached or the wall deadline passes. */
  private advance(sim: Simulation, target: number, deadline: number): EngineError | null {
    for (;;) {
      const t0 = this.deps.now();
      const result = sim.runUntil(target, this.chunk);
      const t1 = this.deps.now();
      if (result.error) return result.error;
      this.chunk = nextChunkEvents(this.chunk, result.events, t1 - t0);
      if (result.reached || t1 >= deadline) return null;
    }
  }

  private postFrame(withSnapshot: boolean): void {
    const sim = this.loaded?.sim;
    if (!sim) return;
    const live = new Float64Array(sim.nodeIds.length * LIVE_FIELDS.length);
    sim.writeLive(live);
    const edgeTraffic = new Float64Array(sim.edgeIds.length);
    sim.writeEdgeTraffic(edgeTraffic);
    const edgeBackTraffic = new Float64Array(sim.edgeIds.length);
    sim.writeEdgeBackTraffic(edgeBackTraffic);
    const edgeLost = new Float64Array(sim.edgeIds.length);
    sim.writeEdgeLost(edgeLost);
    const snapshot = withSnapshot ? sim.snapshot() : undefined;
    if (withSnapshot) this.lastSnapshotWall = this.deps.now();
    this.deps.post({
      v: PROTOCOL_VERSION, type: 'frame', timeMs: sim.now(), events: sim.events(), running: this.running,
      finished: this.finished, live, edgeTraffic, edgeBackTraffic, edgeLost, samples: sim.takeSamples(), ...(snapshot ? { snapshot } : {}),
    }, [live.buffer, edgeTraffic.buffer, edgeBackTraffic.buffer, edgeLost.buffer]);
  }

  private stop(): void {
    this.running = false;
    if (this.timer !== null) this.deps.cancel(this.timer);
    this.timer = null;
  }

  /** Stops and forgets the simulation (its state is suspect after an error); a new load starts over. */
  private fail(error: EngineError): void {
    this.stop();
    this.loaded = null;
    this.deps.post({ v: PROTOCOL_VERSION, type: 'error', error }, []);
  }
}

function notLoaded(what: string): EngineError {
  return { code: 'not-loaded', message: `Cannot ${what}: no scenario is loaded.` };
}
