import type { EdgeRuntime } from '../model/edge';
import type { Message } from '../model/message';
import { compileFilterPolicy, type MessageAttributes } from './filterPolicy';
import { compileHeadersMatch } from './headersMatch';
import { compileTopic, splitTopicKey } from './topicMatch';

export type ExchangeType = 'direct' | 'fanout' | 'topic' | 'headers';

interface Binding {
  edge: EdgeRuntime;
  /** Does the binding match by key or headers? */
  matches: (m: Message, words: readonly string[]) => boolean;
  /** The subscription's filter policy (A2.5), if it has one. */
  policy: ((attributes: MessageAttributes) => boolean) | null;
}

export interface RouteResult {
  targets: EdgeRuntime[];
  /** Some binding matched, but every one of them was refused by its filter policy. */
  filtered: boolean;
}

/**
 * An exchange's bindings (and push subscriptions), answering "which edges get a copy of this message?".
 * RabbitMQ A1.1.5: at most one copy per destination, even when several bindings match. Key-based
 * matches are cached per routing key (keys repeat); headers and filter policies look at each message.
 */
export class BindingTable {
  private readonly cache = new Map<string, Binding[]>();
  private static readonly CACHE_LIMIT = 4096;
  private readonly bindings: Binding[];
  private readonly hasPolicies: boolean;

  constructor(private readonly type: ExchangeType, edges: readonly EdgeRuntime[]) {
    this.bindings = edges.map((edge) => ({ edge, matches: matcherFor(type, edge), policy: edge.filterPolicy ? compileFilterPolicy(edge.filterPolicy) : null }));
    this.hasPolicies = this.bindings.some((b) => b.policy !== null);
  }

  route(m: Message): RouteResult {
    const candidates = this.type === 'headers' ? this.matching(m) : this.cachedMatching(m);
    if (!this.hasPolicies) return { targets: candidates.map((b) => b.edge), filtered: false };
    const targets = candidates.filter((b) => !b.policy || b.policy(m.headers)).map((b) => b.edge);
    return { targets, filtered: targets.length === 0 && candidates.length > 0 };
  }

  private cachedMatching(m: Message): Binding[] {
    const hit = this.cache.get(m.routingKey);
    if (hit) return hit;
    const result = this.matching(m);
    if (this.cache.size >= BindingTable.CACHE_LIMIT) this.cache.clear();
    this.cache.set(m.routingKey, result);
    return result;
  }

  private matching(m: Message): Binding[] {
    const words = this.type === 'topic' ? splitTopicKey(m.routingKey) : [];
    const seen = new Set<number>();
    const out: Binding[] = [];
    for (const b of this.bindings) {
      if (seen.has(b.edge.target.index) || !b.matches(m, words)) continue;
      // A1.1.5: one copy per destination. With filter policies, keep every matching binding of a
      // destination so that one whose policy refuses does not hide another that accepts.
      if (!b.policy) seen.add(b.edge.target.index);
      out.push(b);
    }
    return out;
  }
}

function matcherFor(type: ExchangeType, edge: EdgeRuntime): Binding['matches'] {
  switch (type) {
    case 'fanout': return () => true; // A1.1.3: the routing key is ignored
    case 'direct': { const key = edge.bindingKey; return (m) => m.routingKey === key; } // A1.1.1
    case 'topic': { const match = compileTopic(edge.bindingKey); return (_m, words) => match(words); } // A1.2
    case 'headers': { // A1.3: the routing key is ignored; x-match missing means all
      const match = compileHeadersMatch(edge.xMatch ?? 'all', edge.bindingArgs ?? {});
      return (m) => match(m.headers);
    }
  }
}

/** Removes duplicate destinations that survived because of filter policies (A1.1.5). */
export function uniqueTargets(edges: EdgeRuntime[]): EdgeRuntime[] {
  if (edges.length < 2) return edges;
  const seen = new Set<number>();
  return edges.filter((e) => (seen.has(e.target.index) ? false : (seen.add(e.target.index), true)));
}
