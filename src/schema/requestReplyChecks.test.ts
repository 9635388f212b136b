import { describe, expect, it } from 'vitest';
import { parseScenario } from './index';
import { requestReplyDoc as doc } from './requestReplyFixture';

const errors = (input: unknown) => {
  const r = parseScenario(input);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('Request-Reply topology checks (EIP Return Address, A4)', () => {
  it('accepts replies to the requester itself, to a reply queue it subscribes to, and to an aggregator', () => {
    expect(errors(doc({}, [], [{ id: 'e3', source: 'worker', target: 'client' }]))).toEqual([]);
    expect(errors(doc({ replyTo: 'replies' }, [], [{ id: 'e3', source: 'worker', target: 'replies' }, { id: 'e4', source: 'replies', target: 'client' }]))).toEqual([]);
    expect(errors(doc({ replyTo: 'agg' }, [{ id: 'agg', kind: 'aggregator' }], [{ id: 'e3', source: 'worker', target: 'agg' }]))).toEqual([]);
  });

  it('refuses a reply queue that does not deliver to the requester', () => {
    expect(errors(doc({ replyTo: 'replies' }))).toEqual([
      'nodes[0].config.replyTo: replies sent to queue "replies" never reach requester "client": connect the queue to it (subscribe)',
    ]);
  });

  it('refuses an unknown node and a node that is neither an aggregator nor a queue', () => {
    expect(errors(doc({ replyTo: 'nobody' }))).toEqual(['nodes[0].config.replyTo: no node has id "nobody"']);
    expect(errors(doc({ replyTo: 'worker' }))).toEqual(['nodes[0].config.replyTo: a Return Address names an aggregator or a reply queue, not a consumer ("worker")']);
  });

  it('a requester sends along one output', () => {
    expect(errors(doc({}, [], [{ id: 'e3', source: 'client', target: 'worker' }]))).toEqual([
      'nodes[0]: requester "client" sends its requests along one output: keep either the publish or the push edge',
    ]);
  });

  it('a consumer that makes synchronous calls needs a publish or push output', () => {
    expect(errors(doc({}, [], [], { call: { timeoutMs: 100 } }))).toEqual([
      'nodes[2].config.call: consumer "worker" makes synchronous calls: connect it to the service (push) or the queue or exchange (publish) it calls',
    ]);
    expect(errors(doc({}, [], [{ id: 'e3', source: 'worker', target: 'replies' }], { call: { timeoutMs: 100 } }))).toEqual([]);
  });
});
