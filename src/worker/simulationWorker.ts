/**
 * The simulation worker: a thin host around SimulationHost, wiring it to the worker global,
 * the wall clock and the engine.
 */
import { createSimulation } from '../engine';
import type { FromWorker } from '../protocol';
import { SimulationHost } from './simulationHost';

/** The parts of the dedicated worker global we use (the app compiles with the DOM lib, not WebWorker). */
interface WorkerScope {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((ev: MessageEvent) => void) | null;
}
const scope = self as unknown as WorkerScope;

/**
 * The audit remembers every message id its consumers saw (about 8 bytes each, up to 13 while its tables grow), so a
 * long run at full speed would grow until the tab runs out of memory (mm1-200: 20 simulated minutes, a minute of wall
 * time, 19 M ids). Past this many it stops, and the Audit tab says when: at most about 250 MB.
 */
const AUDIT_ID_LIMIT = 20_000_000;

const host = new SimulationHost({
  // Tracing on: the message inspector shows each message's trail (costs memory per held message).
  createSimulation: (scenario, seed, auditIdLimit) => createSimulation(scenario, { seed, tracing: true, auditIdLimit: auditIdLimit ?? AUDIT_ID_LIMIT }),
  post: (message: FromWorker, transfer) => scope.postMessage(message, transfer),
  now: () => performance.now(),
  schedule: (run, delayMs) => setTimeout(run, delayMs),
  cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

scope.onmessage = (ev: MessageEvent) => host.handle(ev.data);
