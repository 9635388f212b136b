import { describe, expect, it } from 'vitest';
import { formatError, parseScenario, topologyWarnings } from './index';
import { requestReplyDoc as doc } from './requestReplyFixture';

/** The warnings of a document that must parse: a reply gap never makes it invalid. */
const warnings = (input: unknown): string[] => {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(`refused: ${r.errors.map(formatError).join('; ')}`);
  return topologyWarnings(r.scenario).map(formatError);
};

const gap = (worker: string, sender: string, address: string, index = 2, kind = 'requester') =>
  `nodes[${index}]: consumer "${worker}" answers requests from ${kind} "${sender}" but has no edge to their Return Address "${address}": its replies will be dropped as unroutable. Connect "${worker}" to "${address}", or turn its replies off (reply.enabled: false)`;

describe('a consumer that surely receives requests has a way to their Return Address (A4)', () => {
  it('warns of a responder behind a queue with no edge to the requester, and the document stays valid', () => {
    expect(parseScenario(doc({})).ok).toBe(true);
    expect(warnings(doc({}))).toEqual([gap('worker', 'client', 'client')]);
  });

  it('is satisfied by an edge to the Return Address: the requester, its reply queue or an aggregator', () => {
    expect(warnings(doc({}, [], [{ id: 'e3', source: 'worker', target: 'client' }]))).toEqual([]);
    expect(warnings(doc({ replyTo: 'replies' }, [], [{ id: 'e3', source: 'worker', target: 'replies' }, { id: 'e4', source: 'replies', target: 'client' }]))).toEqual([]);
    expect(warnings(doc({ replyTo: 'agg' }, [{ id: 'agg', kind: 'aggregator' }], [{ id: 'e3', source: 'worker', target: 'agg' }]))).toEqual([]);
  });

  it('names the Return Address the requests carry, not the requester, when replyTo is set', () => {
    const toClient = [{ id: 'e3', source: 'worker', target: 'client' }, { id: 'e4', source: 'replies', target: 'client' }];
    expect(warnings(doc({ replyTo: 'replies' }, [], toClient))).toEqual([gap('worker', 'client', 'replies')]);
  });

  it('says nothing of a consumer whose replies are off', () => {
    expect(warnings(doc({}, [], [], { reply: { enabled: false } }))).toEqual([]);
  });

  it('needs no edge for a direct call: the reply goes back along the push edge', () => {
    const direct = { version: 3, nodes: [{ id: 'client', kind: 'requester' }, { id: 'worker', kind: 'consumer' }], edges: [{ id: 'e1', source: 'client', target: 'worker' }] };
    expect(warnings(direct)).toEqual([]);
  });

  it('needs the edge when a direct call names another Return Address', () => {
    const direct = {
      version: 3,
      nodes: [{ id: 'client', kind: 'requester', config: { replyTo: 'agg' } }, { id: 'worker', kind: 'consumer' }, { id: 'agg', kind: 'aggregator' }],
      edges: [{ id: 'e1', source: 'client', target: 'worker' }, { id: 'e2', source: 'agg', target: 'client' }],
    };
    expect(warnings(direct)).toEqual([gap('worker', 'client', 'agg', 1)]);
  });

  it('a responder reached both directly and through a queue needs its edge for the queued requests', () => {
    const both = { version: 3, nodes: [{ id: 'client', kind: 'requester' }, { id: 'q', kind: 'queue' }, { id: 'worker', kind: 'consumer' }, { id: 'caller', kind: 'consumer', config: { call: {} } }],
      edges: [{ id: 'e1', source: 'client', target: 'worker' }, { id: 'e2', source: 'caller', target: 'q' }, { id: 'e3', source: 'q', target: 'worker' }] };
    expect(warnings(both)).toEqual([gap('worker', 'caller', 'caller', 2, 'consumer')]);
  });

  it('checks what a calling consumer calls through a queue, and accepts a callee called directly', () => {
    const calls = (direct: boolean) => ({
      version: 3,
      nodes: [
        { id: 'in', kind: 'queue' }, { id: 'caller', kind: 'consumer', config: { call: { timeoutMs: 100 }, reply: { enabled: false } } },
        { id: 'svc-q', kind: 'queue' }, { id: 'svc', kind: 'consumer' },
      ],
      edges: [{ id: 'e1', source: 'in', target: 'caller' }, ...(direct ? [{ id: 'e2', source: 'caller', target: 'svc' }] : [{ id: 'e2', source: 'caller', target: 'svc-q' }, { id: 'e3', source: 'svc-q', target: 'svc' }])],
    });
    expect(warnings(calls(false))).toEqual([gap('svc', 'caller', 'caller', 3, 'consumer')]);
    expect(warnings(calls(true))).toEqual([]);
  });

  it('follows only the output a calling consumer calls along: its first publish or push edge (consumer.ts, forwardEdge)', () => {
    const twoOutputs = (publishFirst: boolean) => {
      const publish = [{ id: 'e2', source: 'caller', target: 'svc-q' }, { id: 'e3', source: 'svc-q', target: 'svc' }];
      const push = [{ id: 'e4', source: 'caller', target: 'other' }, { id: 'e5', source: 'other-q', target: 'other' }];
      return {
        version: 3,
        nodes: [
          { id: 'in', kind: 'queue' }, { id: 'caller', kind: 'consumer', config: { call: { timeoutMs: 100 }, reply: { enabled: false } } },
          { id: 'svc-q', kind: 'queue' }, { id: 'svc', kind: 'consumer' }, { id: 'other-q', kind: 'queue' }, { id: 'other', kind: 'consumer', config: { reply: { enabled: true } } },
        ],
        edges: [{ id: 'e1', source: 'in', target: 'caller' }, ...(publishFirst ? [...publish, ...push] : [...push, ...publish])],
      };
    };
    // Calls go through svc-q to svc, which has no way back; "other" only ever receives what other-q delivers.
    expect(warnings(twoOutputs(true))).toEqual([gap('svc', 'caller', 'caller', 3, 'consumer')]);
    // Calls go straight to "other" (a direct call, answered along the push edge); svc gets none of them.
    expect(warnings(twoOutputs(false))).toEqual([]);
  });
});

describe('it follows only what carries every request: queues and fanout exchanges, not content-based routing', () => {
  const fanout = (type: string, edgeConfig: Record<string, unknown> = {}, client: Record<string, unknown> = { replyTo: 'agg' }) => ({
    version: 3,
    nodes: [
      { id: 'client', kind: 'requester', config: client }, { id: 'x', kind: 'exchange', config: { type } },
      { id: 'qa', kind: 'queue' }, { id: 'qb', kind: 'queue' }, { id: 'a', kind: 'consumer' }, { id: 'b', kind: 'consumer' }, { id: 'agg', kind: 'aggregator' },
    ],
    edges: [
      { id: 'e1', source: 'client', target: 'x' }, { id: 'e2', source: 'x', target: 'qa' }, { id: 'e3', source: 'x', target: 'qb', config: edgeConfig },
      { id: 'e4', source: 'qa', target: 'a' }, { id: 'e5', source: 'qb', target: 'b' }, { id: 'e6', source: 'a', target: 'agg' }, { id: 'e7', source: 'agg', target: 'client' },
    ],
  });

  it('follows a fanout exchange to every bound queue and names each responder without a way back', () => {
    expect(warnings(fanout('fanout'))).toEqual([gap('b', 'client', 'agg', 5)]);
  });

  it('follows a fanout exchange\'s push subscription straight to a consumer', () => {
    const pushed = (client?: Record<string, unknown>) => {
      const d = fanout('fanout', {}, client);
      d.edges = d.edges.map((e) => (e.id === 'e3' ? { id: 'e3', source: 'x', target: 'b' } : e)).filter((e) => e.id !== 'e5');
      return d;
    };
    expect(warnings(pushed())).toEqual([gap('b', 'client', 'agg', 5)]);
    // Pushed by the exchange, not called by the requester: there is no push edge of the caller's to go back along.
    const toItself = pushed({});
    toItself.edges.push({ id: 'e8', source: 'a', target: 'client' });
    expect(warnings(toItself)).toEqual([gap('b', 'client', 'client', 5)]);
  });

  it('stops where content decides: a keyed exchange, a filter policy (A2.5), a router', () => {
    expect(warnings(fanout('direct'))).toEqual([]);
    expect(warnings(fanout('topic'))).toEqual([]);
    expect(warnings(fanout('fanout', { filterPolicy: { region: ['eu'] } }))).toEqual([]);
    const routed = doc({}, [{ id: 'r', kind: 'router', config: { otherwise: ['requests'] } }]);
    routed.edges = [{ id: 'e1', source: 'client', target: 'r' }, { id: 'e2', source: 'r', target: 'requests' }, { id: 'e3', source: 'requests', target: 'worker' }];
    expect(warnings(routed)).toEqual([]);
  });

  it('does not follow what a consumer that makes no calls sends on: its result is a new message, not a request', () => {
    const chain = doc({}, [{ id: 'next-q', kind: 'queue' }, { id: 'next', kind: 'consumer' }],
      [{ id: 'e3', source: 'worker', target: 'client' }, { id: 'e4', source: 'worker', target: 'next-q' }, { id: 'e5', source: 'next-q', target: 'next' }]);
    expect(warnings(chain)).toEqual([]);
  });
});
