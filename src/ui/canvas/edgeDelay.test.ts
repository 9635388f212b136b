import { describe, expect, it } from 'vitest';
import { connectionRole, parseScenario, type Scenario } from '../../schema';
import { delayText, delayTitle, delayWays } from './edgeDelay';

function scenario(): Scenario {
  const result = parseScenario({
    version: 3, name: 't',
    nodes: [
      { id: 'p', kind: 'producer' }, { id: 'x', kind: 'exchange' }, { id: 'q', kind: 'queue' },
      { id: 'manual', kind: 'consumer' }, { id: 'auto', kind: 'consumer', config: { ackMode: 'auto' } },
      { id: 'pull', kind: 'consumer', config: { delivery: 'pull' } },
      { id: 'pullAuto', kind: 'consumer', config: { delivery: 'pull', ackMode: 'auto' } },
    ],
    edges: [
      { id: 'pub', source: 'p', target: 'x' }, { id: 'bind', source: 'x', target: 'q' },
      { id: 'm', source: 'q', target: 'manual' }, { id: 'a', source: 'q', target: 'auto' }, { id: 'l', source: 'q', target: 'pull' },
      { id: 'la', source: 'q', target: 'pullAuto' },
      { id: 'push', source: 'x', target: 'manual' },
    ],
  });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.scenario;
}

describe('edge delay', () => {
  const s = scenario();
  const node = (id: string) => s.nodes.find((n) => n.id === id)!;
  const ways = (source: string, target: string) => delayWays(connectionRole(node(source).kind, node(target).kind), node(target));
  it('counts both ways on a subscription into a manual-ack or a pull consumer, one way elsewhere', () => {
    expect(ways('q', 'manual')).toBe('ack');
    expect(ways('q', 'pull')).toBe('pollAck'); // its acks (SQS: deletes) cross it too
    expect(ways('q', 'pullAuto')).toBe('poll');
    expect(ways('q', 'auto')).toBe('one');
    expect(ways('p', 'x')).toBe('one');
    expect(ways('x', 'q')).toBe('one');
    expect(ways('x', 'manual')).toBe('one');
  });
  it('marks a delay crossed both ways and says why in its tooltip', () => {
    expect(delayText(20, 'one')).toBe('+20 ms');
    expect(delayText(20, 'ack')).toBe('⇄20 ms');
    expect(delayText(20, 'poll')).toHaveLength(delayText(20, 'one').length);
    expect(delayTitle(20, 'ack')).toBe('20 ms network delay each way: deliveries out, acks back (a prefetch slot is held for the round trip)');
    expect(delayTitle(20, 'poll')).toMatch(/^20 ms network delay each way: polls out/);
    expect(delayTitle(20, 'pollAck')).toMatch(/^20 ms network delay each way: polls and acks \(SQS: deletes\) out/);
    expect(delayTitle(20, 'one')).toBe('20 ms network delay, one way');
  });
});
