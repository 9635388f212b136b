import { beforeEach, describe, expect, it } from 'vitest';
import { emptyScenario } from './defaultScenario';
import { getScenario, redo, undo, useDocumentStore } from './documentStore';
import { takeFragment } from './fragment';

const store = () => useDocumentStore.getState();

beforeEach(() => {
  store().replaceScenario(emptyScenario(), { resetHistory: true });
});

describe('document store', () => {
  it('adds nodes with readable ids and schema defaults', () => {
    expect(store().addNode('queue', { x: 10, y: 20 })).toBe('queue-1');
    expect(store().addNode('queue', { x: 10, y: 20 })).toBe('queue-2');
    const consumer = store().addNode('consumer', { x: 0, y: 0 });
    const node = getScenario().nodes.find((n) => n.id === consumer);
    expect(node?.kind).toBe('consumer');
    expect(node?.kind === 'consumer' && node.config.prefetch).toBe(10);
  });

  it('connects allowed kinds and names the edge after its ends', () => {
    const p = store().addNode('producer', { x: 0, y: 0 });
    const q = store().addNode('queue', { x: 200, y: 0 });
    expect(store().connect(p, q)).toEqual({ ok: true, edgeId: 'producer-1-to-queue-1' });
    expect(getScenario().edges).toHaveLength(1);
  });

  it('refuses connections the schema refuses, with the reason', () => {
    const p = store().addNode('producer', { x: 0, y: 0 });
    const c = store().addNode('consumer', { x: 0, y: 0 });
    const q = store().addNode('queue', { x: 0, y: 0 });
    const q2 = store().addNode('queue', { x: 0, y: 0 });
    const refused = store().connect(p, c);
    expect(refused).toEqual({ ok: false, reason: 'a producer cannot connect to a consumer; a producer can connect to: exchange, queue, filter, router' });
    expect(store().connect(q, q)).toEqual({ ok: false, reason: 'a node cannot connect to itself ("queue-1")' });
    expect(store().connect(p, q).ok).toBe(true);
    expect(store().connect(p, q)).toEqual({ ok: false, reason: 'the same connection from "producer-1" to "queue-1" already exists' });
    const tooMany = store().connect(p, q2);
    expect(tooMany.ok).toBe(false);
    expect(!tooMany.ok && tooMany.reason).toMatch(/may have at most 1 outgoing edge/);
    expect(getScenario().edges).toHaveLength(1);
  });

  it('commits a valid config and refuses an invalid one with its JSON path', () => {
    const c = store().addNode('consumer', { x: 0, y: 0 });
    const before = getScenario();
    const node = before.nodes[0]!;
    const bad = store().updateNodeConfig(c, { ...node.config, prefetch: -2 });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.map((e) => e.path)).toContain('nodes[0].config.prefetch');
    expect(getScenario()).toBe(before);
    expect(store().updateNodeConfig(c, { ...node.config, prefetch: 50 }).ok).toBe(true);
    const after = getScenario().nodes[0]!;
    expect(after.kind === 'consumer' && after.config.prefetch).toBe(50);
  });

  it('removes nodes together with the edges that touch them', () => {
    const p = store().addNode('producer', { x: 0, y: 0 });
    const q = store().addNode('queue', { x: 0, y: 0 });
    const c = store().addNode('consumer', { x: 0, y: 0 });
    store().connect(p, q);
    store().connect(q, c);
    store().removeElements([q], []);
    expect(getScenario().nodes.map((n) => n.id)).toEqual([p, c]);
    expect(getScenario().edges).toEqual([]);
  });

  it('undoes and redoes each action, and a move is one step', () => {
    const q = store().addNode('queue', { x: 0, y: 0 });
    store().moveNodes({ [q]: { x: 300, y: 120 } });
    expect(getScenario().nodes[0]?.position).toEqual({ x: 300, y: 120 });
    undo();
    expect(getScenario().nodes[0]?.position).toEqual({ x: 0, y: 0 });
    undo();
    expect(getScenario().nodes).toEqual([]);
    redo();
    redo();
    expect(getScenario().nodes[0]?.position).toEqual({ x: 300, y: 120 });
  });

  it('records nothing for a refused edit or a move to the same place', () => {
    const q = store().addNode('queue', { x: 5, y: 5 });
    const steps = useDocumentStore.temporal.getState().pastStates.length;
    store().moveNodes({ [q]: { x: 5, y: 5 } });
    store().setName('x'.repeat(500));
    expect(useDocumentStore.temporal.getState().pastStates.length).toBe(steps);
  });

  it('pastes copies with fresh ids and their inner edges', () => {
    const q = store().addNode('queue', { x: 0, y: 0 });
    const c = store().addNode('consumer', { x: 100, y: 0 });
    store().connect(q, c);
    const ids = store().paste(takeFragment(getScenario(), [q, c]), { x: 40, y: 40 });
    expect(ids).toEqual(['queue-2', 'consumer-2']);
    expect(getScenario().edges.map((e) => e.id)).toEqual(['queue-1-to-consumer-1', 'queue-2-to-consumer-2']);
    expect(getScenario().nodes[2]?.position).toEqual({ x: 40, y: 40 });
  });
});

describe('undo grouping', () => {
  it('makes one undo step of quick edits to the same field, and separate steps for different fields', () => {
    const c = store().addNode('consumer', { x: 0, y: 0 });
    const config = () => structuredClone(getScenario().nodes[0]!.config);
    for (const prefetch of [1, 12, 125]) store().updateNode(c, { config: { ...config(), prefetch } }, 'prefetch');
    store().updateNode(c, { config: { ...config(), concurrency: 4 } }, 'concurrency');
    undo();
    const afterOne = getScenario().nodes[0]!;
    expect(afterOne.kind === 'consumer' && [afterOne.config.prefetch, afterOne.config.concurrency]).toEqual([125, 1]);
    undo();
    const afterTwo = getScenario().nodes[0]!;
    expect(afterTwo.kind === 'consumer' && afterTwo.config.prefetch).toBe(10);
  });
});
