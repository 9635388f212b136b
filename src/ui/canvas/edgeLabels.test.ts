import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../schema';
import { edgeLabel } from './edgeLabels';

function scenario(): Scenario {
  const result = parseScenario({
    version: 3, name: 't',
    nodes: [
      { id: 'p', kind: 'producer' }, { id: 'x', kind: 'exchange', config: { type: 'topic' } },
      { id: 'h', kind: 'exchange', config: { type: 'headers' } }, { id: 'ae', kind: 'exchange' },
      { id: 'q', kind: 'queue' }, { id: 'dlq', kind: 'queue' }, { id: 'c', kind: 'consumer' }, { id: 'f', kind: 'filter' },
    ],
    edges: [
      { id: 'bind', source: 'x', target: 'q', config: { bindingKey: 'order.*', filterPolicy: { region: ['eu'] } } },
      { id: 'hdr', source: 'h', target: 'q', config: { xMatch: 'any', bindingArgs: { region: 'eu', vip: null } } },
      { id: 'dl', source: 'q', target: 'dlq' },
      { id: 'alt', source: 'x', target: 'ae' },
      { id: 'e2e', source: 'x', target: 'h', config: { role: 'bind', bindingKey: 'audit.#' } },
      { id: 'push', source: 'h', target: 'c' },
      { id: 'bad', source: 'f', target: 'dlq', config: { channel: 'invalid' } },
      { id: 'pub', source: 'p', target: 'x' },
    ],
  });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.scenario;
}

describe('edge labels', () => {
  const s = scenario();
  const of = (id: string) => edgeLabel(s.edges.find((e) => e.id === id)!, s);
  it('names what each edge is', () => {
    expect(of('bind')).toMatchObject({ text: 'key: order.*', tone: 'key', filter: true });
    expect(of('hdr')).toMatchObject({ text: 'x-match any: region=eu, vip present', tone: 'headers', filter: false });
    expect(of('dl')).toMatchObject({ text: 'dead-letter', tone: 'deadLetter' });
    expect(of('alt')).toMatchObject({ text: 'alternate', tone: 'alternate' });
    expect(of('e2e')).toMatchObject({ text: 'e2e key: audit.#', tone: 'key', title: expect.stringContaining('Exchange-to-exchange binding (key: audit.#)') });
    expect(of('push')).toMatchObject({ text: 'push', tone: 'push' });
    expect(of('bad')).toMatchObject({ text: 'invalid', tone: 'invalid' });
    expect(of('pub')).toMatchObject({ text: null, tone: 'plain' });
  });

  it('a reply edge says reply, and a push from a client into a consumer is a call (A4 Request-Reply)', () => {
    const r = parseScenario({
      version: 3, name: 't',
      nodes: [{ id: 'req', kind: 'requester' }, { id: 'svc', kind: 'consumer' }, { id: 'db', kind: 'consumer' }, { id: 'agg', kind: 'aggregator' }],
      edges: [
        { id: 'call', source: 'req', target: 'svc' }, { id: 'call2', source: 'svc', target: 'db' },
        { id: 'rep', source: 'db', target: 'req' }, { id: 'rep2', source: 'svc', target: 'agg' },
      ],
    });
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    const at = (id: string) => edgeLabel(r.scenario.edges.find((e) => e.id === id)!, r.scenario);
    expect(at('call')).toMatchObject({ text: 'call', tone: 'call' });
    expect(at('call2')).toMatchObject({ text: 'call', tone: 'call' });
    expect(at('rep')).toMatchObject({ text: 'reply', tone: 'reply' });
    expect(at('rep2')).toMatchObject({ text: 'reply', tone: 'reply' });
  });
});
