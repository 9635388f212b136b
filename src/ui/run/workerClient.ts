/**
 * The UI's end of the worker connection: creates the worker, checks the protocol version of what
 * comes back, and turns worker crashes into error values. Injectable for tests (WorkerLike).
 */
import { PROTOCOL_VERSION, isFromWorker, type FromWorker, type ToWorker, type Untagged } from '../../protocol';

/** The part of `Worker` the run uses, so unit tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((ev: MessageEvent) => void) | null;
  onerror: ((ev: ErrorEvent | Event) => void) | null;
}

export type WorkerFactory = () => WorkerLike;

export const createBrowserWorker: WorkerFactory = () =>
  new Worker(new URL('../../worker/simulationWorker.ts', import.meta.url), { type: 'module', name: 'brokerlab-simulation' }) as unknown as WorkerLike;

/** A ToWorker message without its version tag (the client adds it). */
export type Command = Untagged<ToWorker>;

export interface ClientHandlers {
  onMessage(msg: FromWorker): void;
  onFailure(error: { code: string; message: string }): void;
}

export class WorkerClient {
  private worker: WorkerLike | null = null;
  constructor(private readonly factory: WorkerFactory, private readonly handlers: ClientHandlers) {}

  send(cmd: Command): void {
    this.ensure().postMessage({ ...cmd, v: PROTOCOL_VERSION } as ToWorker);
  }

  /** Stops the worker; the next send starts a fresh one. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private ensure(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.factory();
    worker.onmessage = (ev) => this.receive(ev.data);
    worker.onerror = (ev) => {
      const detail = 'message' in ev && ev.message ? (ev as ErrorEvent).message : 'no details';
      this.dispose();
      this.handlers.onFailure({ code: 'worker-crashed', message: `The simulation worker stopped unexpectedly (${detail}).` });
    };
    this.worker = worker;
    return worker;
  }

  private receive(data: unknown): void {
    if (!isFromWorker(data)) {
      const v = typeof data === 'object' && data !== null ? (data as { v?: unknown }).v : undefined;
      this.dispose();
      this.handlers.onFailure({ code: 'protocol-mismatch', message: `The worker spoke protocol version ${String(v)}; this page expects ${PROTOCOL_VERSION}. Reload the page.` });
      return;
    }
    this.handlers.onMessage(data);
  }
}
