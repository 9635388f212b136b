import { beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type FromWorker, type ToWorker, type Untagged } from '../../protocol';
import type { Scenario } from '../../schema';
import { clearInspection, useInspectionStore } from './inspectionStore';
import { createRunStore } from './runStore';
import type { WorkerLike } from './workerClient';

class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onerror: ((ev: ErrorEvent | Event) => void) | null = null;
  postMessage(m: ToWorker) { this.sent.push(m); }
  terminate() {}
  reply(m: Untagged<FromWorker>) { this.onmessage?.({ data: { ...m, v: PROTOCOL_VERSION } } as MessageEvent); }
}

const timers = { now: () => 0, schedule: () => 0, cancel: () => {}, afterPaint: (run: () => void) => run() };
const doc = { seed: 1, durationMs: 1000, nodes: [], edges: [] } as unknown as Scenario;

function setup() {
  const worker = new FakeWorker();
  const store = createRunStore({
    createWorker: () => worker, getScenario: () => ({ ok: true, scenario: doc }),
    telemetry: { loaded: () => {}, frame: () => {}, clear: () => {} }, timers,
  });
  return { store, worker };
}

const answer = (requestId: number, ids: number[]): Untagged<FromWorker> => ({
  type: 'inspected', requestId, found: true, timeMs: 10,
  messages: ids.map((id) => ({ id, routingKey: '', headers: {}, priority: null, sizeBytes: 0, persistent: false, poison: false, redelivered: false,
    deliveryCount: 0, receiveCount: 0, publishedAtMs: 0, enqueuedAtMs: 0, expiresAtMs: null, deaths: [], trail: [], state: 'ready' })),
});

beforeEach(() => clearInspection());

describe('message inspection through the run store', () => {
  it('asks nothing before a simulation is loaded', () => {
    const { store, worker } = setup();
    store.getState().inspect({ kind: 'node', id: 'q', limit: 50 });
    expect(worker.sent).toEqual([]);
  });

  it('sends inspectNode / inspectEdge with a request id and keeps only the latest answer', () => {
    const { store, worker } = setup();
    store.getState().step();
    store.getState().inspect({ kind: 'node', id: 'q', limit: 50 });
    store.getState().inspect({ kind: 'edge', id: 'e' });
    const [node, edge] = worker.sent.filter((m) => m.type === 'inspectNode' || m.type === 'inspectEdge');
    expect(node).toMatchObject({ type: 'inspectNode', nodeId: 'q', limit: 50 });
    expect(edge).toMatchObject({ type: 'inspectEdge', edgeId: 'e' });
    const nodeId = (node as { requestId: number }).requestId;
    const edgeId = (edge as { requestId: number }).requestId;
    worker.reply(answer(nodeId, [1, 2]));
    expect(useInspectionStore.getState()).toMatchObject({ pending: true, messages: [] });
    worker.reply(answer(edgeId, [9]));
    expect(useInspectionStore.getState()).toMatchObject({ pending: false, found: true, target: { kind: 'edge', id: 'e' } });
    expect(useInspectionStore.getState().messages.map((m) => m.id)).toEqual([9]);
  });

  it('a reset forgets what was inspected', () => {
    const { store, worker } = setup();
    store.getState().step();
    store.getState().inspect({ kind: 'edge', id: 'e' });
    const req = worker.sent.find((m) => m.type === 'inspectEdge') as { requestId: number };
    worker.reply(answer(req.requestId, [3]));
    store.getState().reset();
    expect(useInspectionStore.getState()).toMatchObject({ target: null, messages: [] });
  });
});
