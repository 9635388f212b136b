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

const host = new SimulationHost({
  // Tracing on: the message inspector shows each message's trail (costs memory per held message).
  createSimulation: (scenario, seed) => createSimulation(scenario, { seed, tracing: true }),
  post: (message: FromWorker, transfer) => scope.postMessage(message, transfer),
  now: () => performance.now(),
  schedule: (run, delayMs) => setTimeout(run, delayMs),
  cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

scope.onmessage = (ev: MessageEvent) => host.handle(ev.data);
