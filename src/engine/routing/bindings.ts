import type { EdgeRuntime } from '../model/edge';
import { compileTopic, splitTopicKey } from './topicMatch';

export type ExchangeType = 'direct' | 'fanout' | 'topic';

/**
 * An exchange's bindings, answering "which edges get a copy for this routing key?".
 * RabbitMQ A1.1.5: at most one copy per destination, even when several bindings match.
 * Results are cached per routing key (keys repeat), up to a bounded number of keys.
 */
export class BindingTable {
  private readonly cache = new Map<string, EdgeRuntime[]>();
  private static readonly CACHE_LIMIT = 4096;
  private readonly compiled: { edge: EdgeRuntime; match: (words: readonly string[]) => boolean }[];

  constructor(private readonly type: ExchangeType, private readonly edges: readonly EdgeRuntime[]) {
    this.compiled = edges.map((edge) => ({ edge, match: compileTopic(edge.bindingKey) }));
  }

  route(routingKey: string): EdgeRuntime[] {
    const hit = this.cache.get(routingKey);
    if (hit) return hit;
    const result = this.compute(routingKey);
    if (this.cache.size >= BindingTable.CACHE_LIMIT) this.cache.clear();
    this.cache.set(routingKey, result);
    return result;
  }

  private compute(routingKey: string): EdgeRuntime[] {
    const matched: EdgeRuntime[] = [];
    const seen = new Set<number>();
    const words = this.type === 'topic' ? splitTopicKey(routingKey) : [];
    for (const { edge, match } of this.compiled) {
      if (seen.has(edge.target.index)) continue;
      // A1.1.1 direct: byte equality; A1.1.3 fanout: every binding; A1.2 topic.
      const ok = this.type === 'fanout' || (this.type === 'direct' ? edge.bindingKey === routingKey : match(words));
      if (ok) { matched.push(edge); seen.add(edge.target.index); }
    }
    return matched;
  }
}
