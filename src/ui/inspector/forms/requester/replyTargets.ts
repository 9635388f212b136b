import type { Scenario } from '../../../../schema';

export interface ReplyTarget { id: string; label: string }

/**
 * Where a requester's replies can go (EIP Return Address, A4): itself (RabbitMQ direct reply-to), any
 * aggregator, or a queue it consumes from (an edge queue → requester). Nothing else takes replies for it.
 */
export function replyTargets(scenario: Scenario, requesterId: string): ReplyTarget[] {
  const name = (id: string) => {
    const n = scenario.nodes.find((x) => x.id === id);
    return n?.label ? `${n.label} (${id})` : id;
  };
  const consumed = new Set(scenario.edges.filter((e) => e.target === requesterId).map((e) => e.source));
  const targets: ReplyTarget[] = [];
  for (const n of scenario.nodes) {
    if (n.kind === 'aggregator') targets.push({ id: n.id, label: `${name(n.id)}: aggregator` });
    else if (n.kind === 'queue' && consumed.has(n.id)) targets.push({ id: n.id, label: `${name(n.id)}: reply queue` });
  }
  return targets;
}
