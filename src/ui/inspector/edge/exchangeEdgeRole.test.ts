import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../schema';
import { switchExchangeEdgeRole } from './ExchangeEdgeRole';

const doc = (config: Record<string, unknown>) => ({
  version: 3,
  nodes: [{ id: 'a', kind: 'exchange', config: { type: 'topic' } }, { id: 'b', kind: 'exchange', config: { type: 'fanout' } }],
  edges: [{ id: 'ab', source: 'a', target: 'b', config }],
});

describe('switching an exchange → exchange edge between binding and alternate exchange', () => {
  it('to a binding: names the role and drops the delay, which a binding inside the broker cannot have', () => {
    const config = switchExchangeEdgeRole({ delayMs: 5 }, 'bind');
    expect(config).toEqual({ role: 'bind', delayMs: 0 });
    expect(parseScenario(doc(config)).ok).toBe(true);
  });

  it("back to the alternate: drops the binding's fields, so the document stays valid", () => {
    const config = switchExchangeEdgeRole({ role: 'bind', delayMs: 0, bindingKey: 'order.*' }, '');
    expect(config).toEqual({ delayMs: 0 });
    expect(parseScenario(doc(config)).ok).toBe(true);
  });
});
