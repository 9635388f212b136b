import { beforeEach, describe, expect, it } from 'vitest';
import type { MessageView } from '../../engine/api';
import { PROTOCOL_VERSION, type FromWorker, type ToWorker, type Untagged } from '../../protocol';
import type { Scenario } from '../../schema';
import { clearInspection, lastAlongEdge, useInspectionStore } from './inspectionStore';
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
const doc = { seed: 1, durationMs: 1000, nodes: [], edges: [], faults: [] } as unknown as Scenario;

function setup() {
  const worker = new FakeWorker();
  const store = createRunStore({
    createWorker: () => worker, getScenario: () => ({ ok: true, scenario: doc }),
    telemetry: { loaded: () => {}, frame: () => {}, clear: () => {} }, timers,
  });
  return { store, worker };
}

const view = (id: number, state = 'ready'): MessageView => ({ id, routingKey: '', headers: {}, priority: null, sizeBytes: 0, persistent: false,
  poison: false, redelivered: false, deliveryCount: 0, receiveCount: 0, publishedAtMs: 0, enqueuedAtMs: 0, expiresAtMs: null, deaths: [], trail: [], state });

const answer = (requestId: number, ids: number[]): Untagged<FromWorker> => ({
  type: 'inspected', requestId, found: true, timeMs: 10, messages: ids.map((id) => view(id)),
});

/** An edge's answer: its last message forward and its last reply back (ids; null for none). */
const edgeAnswer = (requestId: number, forward: number | null, back: number | null): Untagged<FromWorker> => ({
  type: 'inspectedEdge', requestId, found: true, timeMs: 10,
  forward: forward === null ? null : view(forward, 'last request sent along e'), back: back === null ? null : view(back, 'last reply sent back along e'),
});

/** The id of the last inspectEdge request sent. */
const lastEdgeRequest = (worker: FakeWorker) => (worker.sent.filter((m) => m.type === 'inspectEdge').at(-1) as { requestId: number }).requestId;

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
    worker.reply(edgeAnswer(edgeId, 9, null));
    expect(useInspectionStore.getState()).toMatchObject({ pending: false, found: true, target: { kind: 'edge', id: 'e' }, reply: null });
    expect(useInspectionStore.getState().messages.map((m) => m.id)).toEqual([9]);
  });

  it('keeps an edge\'s last request and last reply apart, and a node or another edge forgets the reply', () => {
    const { store, worker } = setup();
    store.getState().step();
    store.getState().inspect({ kind: 'edge', id: 'e' });
    worker.reply(edgeAnswer(lastEdgeRequest(worker), 4, 3));
    const state = useInspectionStore.getState();
    expect(state.messages.map((m) => m.id)).toEqual([4]);
    expect(state.reply).toMatchObject({ id: 3, state: 'last reply sent back along e' });
    // What a token click opens: a reply token (back) the reply, a forward token the request.
    expect(lastAlongEdge(state, true)?.id).toBe(3);
    expect(lastAlongEdge(state, false)?.id).toBe(4);
    // Another edge: nothing of e's answer is shown while its own is on its way.
    store.getState().inspect({ kind: 'edge', id: 'other' });
    expect(useInspectionStore.getState()).toMatchObject({ pending: true, messages: [], reply: null });
    worker.reply(edgeAnswer(lastEdgeRequest(worker), null, null));
    expect(useInspectionStore.getState()).toMatchObject({ pending: false, found: true, messages: [], reply: null });
    store.getState().inspect({ kind: 'node', id: 'q', limit: 50 });
    const node = worker.sent.filter((m) => m.type === 'inspectNode').at(-1) as { requestId: number };
    worker.reply(answer(node.requestId, [1]));
    expect(useInspectionStore.getState()).toMatchObject({ target: { kind: 'node', id: 'q' }, reply: null });
  });

  it('a reset forgets what was inspected', () => {
    const { store, worker } = setup();
    store.getState().step();
    store.getState().inspect({ kind: 'edge', id: 'e' });
    worker.reply(edgeAnswer(lastEdgeRequest(worker), 3, 2));
    store.getState().reset();
    expect(useInspectionStore.getState()).toMatchObject({ target: null, messages: [], reply: null });
  });
});
