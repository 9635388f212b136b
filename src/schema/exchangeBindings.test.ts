import { describe, expect, it } from 'vitest';
import { connectionRole, connectionRoles, edgeRole, parseScenario, type ScenarioError } from './index';

/** events (topic) → orders (fanout) → q, and an alternate exchange `ae`. Tests change one thing at a time. */
function doc(edges: Record<string, unknown>[] = [], faults: unknown[] = []) {
  return {
    version: 3,
    nodes: [
      { id: 'p', kind: 'producer' }, { id: 'events', kind: 'exchange', config: { type: 'topic' } },
      { id: 'orders', kind: 'exchange', config: { type: 'fanout' } }, { id: 'ae', kind: 'exchange', config: { type: 'fanout' } },
      { id: 'q', kind: 'queue' },
    ],
    edges: [{ id: 'pe', source: 'p', target: 'events' }, { id: 'oq', source: 'orders', target: 'q' }, ...edges],
    faults,
  };
}

function errorsOf(input: unknown): ScenarioError[] {
  const r = parseScenario(input);
  return r.ok ? [] : r.errors;
}

describe('exchange → exchange edges: an alternate exchange by default, a binding with role bind (A1.1.6)', () => {
  it('the roles an edge may play: one for most pairs, two between exchanges, the alternate first', () => {
    expect(connectionRoles('exchange', 'exchange')).toEqual(['alternate', 'bind']);
    expect(connectionRole('exchange', 'exchange')).toBe('alternate');
    expect(connectionRoles('exchange', 'queue')).toEqual(['bind']);
    expect(connectionRoles('exchange', 'consumer')).toEqual(['push']);
    expect(edgeRole('exchange', 'exchange', { role: 'bind' })).toBe('bind');
    expect(edgeRole('exchange', 'exchange', {})).toBe('alternate');
    expect(edgeRole('exchange', 'queue', { role: 'alternate' })).toBe('bind');
  });

  it('a document written before e2e bindings keeps its meaning: no role is an alternate exchange', () => {
    const r = parseScenario(doc([{ id: 'x', source: 'events', target: 'ae' }]));
    expect(r.ok && r.scenario.edges[2]!.config.role).toBeUndefined();
    // An alternate takes no binding key: that still tells the user what to do.
    expect(errorsOf(doc([{ id: 'x', source: 'events', target: 'orders', config: { bindingKey: 'order.*' } }]))).toEqual([
      expect.objectContaining({ path: 'edges[2].config.bindingKey', message: expect.stringContaining('or to an exchange with role bind') }),
    ]);
  });

  it('a binding with a key, next to the alternate of the same exchange', () => {
    expect(errorsOf(doc([
      { id: 'b', source: 'events', target: 'orders', config: { role: 'bind', bindingKey: 'order.*' } },
      { id: 'alt', source: 'events', target: 'ae' },
      { id: 'b2', source: 'events', target: 'ae', config: { role: 'bind', bindingKey: 'audit.#' } },
    ]))).toEqual([]);
  });

  it('still at most one alternate exchange per exchange; bindings between exchanges are not counted as alternates', () => {
    const errors = errorsOf(doc([
      { id: 'a1', source: 'events', target: 'orders', config: { role: 'alternate' } }, { id: 'a2', source: 'events', target: 'ae' },
    ]));
    expect(errors).toEqual([expect.objectContaining({ path: 'edges[3]', message: 'exchange "events" may have at most 1 alternate-exchange edge' })]);
  });

  it('refuses a role on an edge whose ends allow one, and an unknown role, at their JSON path', () => {
    expect(errorsOf(doc([{ id: 'x', source: 'orders', target: 'ae', config: { role: 'push' } }]))[0]).toMatchObject({ path: 'edges[2].config.role', message: 'must be bind or alternate, got "push"' });
    const misplaced = { id: 'bad', source: 'p', target: 'orders', config: { role: 'bind' } };
    const d = doc([misplaced]);
    d.edges.splice(0, 1);
    expect(errorsOf(d)).toEqual([expect.objectContaining({ path: 'edges[1].config.role', message: expect.stringContaining('between two exchanges') })]);
  });

  it('refuses a delay on an e2e binding: the routing is one computation inside the broker', () => {
    expect(errorsOf(doc([{ id: 'b', source: 'events', target: 'orders', config: { role: 'bind', delayMs: 5 } }]))).toEqual([
      expect.objectContaining({ path: 'edges[2].config.delayMs', message: expect.stringContaining('inside one broker') }),
    ]);
    expect(errorsOf(doc([{ id: 'alt', source: 'events', target: 'orders', config: { delayMs: 5 } }]))).toEqual([]); // as before
  });

  it('refuses a link fault on an e2e binding', () => {
    const errors = errorsOf(doc([{ id: 'b', source: 'events', target: 'orders', config: { role: 'bind' } }], [{ type: 'partition', target: 'b', atMs: 0 }]));
    expect(errors).toEqual([expect.objectContaining({ path: 'faults[0].target', message: expect.stringContaining('exchange-to-exchange binding') })]);
  });
});
