/**
 * For the Request-Reply tests (A4): requester `client` publishes to queue `requests`, which consumer `worker`
 * subscribes to; queue `replies` stands by as a reply queue. Unparsed: each test adds what it needs.
 */
export const requestReplyDoc = (client: Record<string, unknown>, extraNodes: unknown[] = [], extraEdges: unknown[] = [], worker: Record<string, unknown> = {}) => ({
  version: 3,
  nodes: [
    { id: 'client', kind: 'requester', config: client },
    { id: 'requests', kind: 'queue' },
    { id: 'worker', kind: 'consumer', config: worker },
    { id: 'replies', kind: 'queue' },
    ...extraNodes,
  ],
  edges: [
    { id: 'e1', source: 'client', target: 'requests' },
    { id: 'e2', source: 'requests', target: 'worker' },
    ...extraEdges,
  ],
});
