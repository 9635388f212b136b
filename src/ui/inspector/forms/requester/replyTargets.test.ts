import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../../schema';
import { replyTargets } from './replyTargets';

function scenario() {
  const r = parseScenario({
    version: 3, name: 't',
    nodes: [
      { id: 'req', kind: 'requester' }, { id: 'req-q', kind: 'queue', label: 'Replies' }, { id: 'work', kind: 'queue' },
      { id: 'agg', kind: 'aggregator' }, { id: 'c', kind: 'consumer' },
    ],
    edges: [{ id: 'e1', source: 'req', target: 'work' }, { id: 'e2', source: 'work', target: 'c' }, { id: 'e3', source: 'req-q', target: 'req' }],
  });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}

describe('reply targets of a requester (EIP Return Address, A4)', () => {
  it('are aggregators and the queues it consumes, not the queue it publishes to nor consumers', () => {
    expect(replyTargets(scenario(), 'req')).toEqual([
      { id: 'req-q', label: 'Replies (req-q): reply queue' },
      { id: 'agg', label: 'agg: aggregator' },
    ]);
  });

  it('another requester sees no reply queue it does not consume', () => {
    expect(replyTargets(scenario(), 'other').map((t) => t.id)).toEqual(['agg']);
  });
});
