import { edgeRole, type Scenario, type ScenarioEdge } from '../../schema';

/** How an edge's label reads; `tone` also styles the edge (a dead-letter edge is dashed and red-ish). */
export type EdgeTone = 'key' | 'headers' | 'deadLetter' | 'alternate' | 'push' | 'call' | 'reply' | 'invalid' | 'plain';

export interface EdgeLabel {
  /** The label text, or null for none (a plain publish or subscription). */
  text: string | null;
  /** The full text for a tooltip (the label may be shortened). */
  title: string;
  tone: EdgeTone;
  /** The edge has a subscription filter policy: draw a funnel mark. */
  filter: boolean;
}

const MAX = 36;
const short = (s: string) => (s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s);
const label = (text: string | null, tone: EdgeTone, filter: boolean, title = text ?? ''): EdgeLabel => ({ text: text === null ? null : short(text), title, tone, filter });

/** `x-match any: region=eu, vip present` for a headers binding (semantics.md A1.3). */
function headersText(edge: ScenarioEdge): string {
  const args = Object.entries(edge.config.bindingArgs ?? {}).map(([k, v]) => (v === null ? `${k} present` : `${k}=${String(v)}`));
  return `x-match ${edge.config.xMatch ?? 'all'}${args.length > 0 ? `: ${args.join(', ')}` : ''}`;
}

/** What the edge label says: binding key, headers binding, dead-letter, alternate, push, invalid channel or routing key override. */
export function edgeLabel(edge: ScenarioEdge, scenario: Scenario): EdgeLabel {
  const source = scenario.nodes.find((n) => n.id === edge.source);
  const target = scenario.nodes.find((n) => n.id === edge.target);
  const role = source && target ? edgeRole(source.kind, target.kind, edge.config) : null;
  const filter = edge.config.filterPolicy !== undefined;
  if (edge.config.channel === 'invalid') return label('invalid', 'invalid', filter, 'Invalid Message Channel: messages the filter refuses');
  switch (role) {
    case 'deadLetter': return label('dead-letter', 'deadLetter', filter, 'Dead-letter target: rejected, expired, over-limit messages go here');
    case 'alternate': return label('alternate', 'alternate', filter, 'Alternate exchange: unroutable messages go here');
    case 'push':
      // A push into a consumer from a client is a direct (synchronous) call, not a subscription (A4 Request-Reply).
      if (source?.kind === 'requester' || source?.kind === 'consumer') return label('call', 'call', filter, 'Direct call: the request goes straight to this consumer; its reply comes back along this edge');
      return label('push', 'push', filter, 'Push subscription: no queue; an offline subscriber misses messages');
    case 'reply': return label('reply', 'reply', filter, 'Reply: replies to requests naming this node as their Return Address (EIP, A4)');
    case 'bind': {
      if (source?.kind !== 'exchange') return label(null, 'plain', filter, filter ? 'Subscription filter policy' : '');
      const text = source.config.type === 'fanout' ? 'fanout' : source.config.type === 'headers' ? headersText(edge)
        : edge.config.bindingKey === undefined || edge.config.bindingKey === '' ? 'key: (empty)' : `key: ${edge.config.bindingKey}`;
      const tone = source.config.type === 'headers' ? 'headers' : 'key';
      if (target?.kind !== 'exchange') return label(text, tone, filter);
      // An exchange-to-exchange binding reads apart from an alternate exchange (A1.1.6).
      return label(`e2e ${text}`, tone, filter, `Exchange-to-exchange binding (${text}): the next exchange routes matching messages on, in the same routing`);
    }
    case 'publish':
      return edge.config.routingKey !== undefined ? label(`rk: ${edge.config.routingKey}`, 'key', filter) : label(null, 'plain', filter);
    default: return label(null, 'plain', filter);
  }
}
