import { isExchangeToExchangeBinding } from '../../schema';
import type { EdgeRuntime } from '../model/edge';
import type { Message } from '../model/message';
import type { NodeModel } from '../model/node';

/**
 * RabbitMQ A1.1.6: exchange-to-exchange bindings route once, over the combined set of bindings; the message is not
 * republished at each exchange. RabbitMQ computes one set of destination queues (RMQ-SRC rabbit_exchange `route1`): a
 * work list of exchanges, each visited at most once (`SeenXs`, so cycles end), whose matches add queues to the set
 * (A1.1.5: one copy per queue however many paths reach it) and exchanges to the work list; an exchange whose own
 * bindings match nothing adds its alternate exchange to the same pass (`process_alternate`). The publish is unroutable
 * (A1.1.7: mandatory return or drop) only when the whole pass found no queue.
 *
 * Here the pass is planned at the exchange the message entered by (the publish, a dead-letter, a router), and then
 * carried out along the edges: each exchange of the pass sends its share of the copies, so the intermediate exchanges
 * count what they received and routed and the canvas shows the copies moving along the e2e bindings, as a person
 * reading the topology expects. The plan gives each destination to the first exchange that reaches it, breadth first
 * (the shortest path), and leaves out an exchange that leads to no destination: nothing is sent there.
 */

/** What a pass needs of an exchange. */
export interface PassExchange {
  readonly index: number;
  /** Its own bindings that match `m`, one per destination (A1.1.5). */
  ownMatches(m: Message): EdgeRuntime[];
  /** Its alternate exchange's edge, if it has one (A1.1.7). */
  readonly alternateEdge: EdgeRuntime | undefined;
  /**
   * False while its broker is down: it routes nothing, so its bindings add no destination (a publish straight to it
   * fails; see ExchangeModel.receive).
   */
  readonly routing: boolean;
}

export interface PassPlan {
  /** The exchanges of the pass, the entry first, in the order visited. */
  readonly exchanges: readonly number[];
  /** Per exchange (by node index): the edges it sends a copy along. Empty for all when the pass reached nothing. */
  readonly shares: ReadonlyMap<number, readonly EdgeRuntime[]>;
  /** Whether some destination (a queue, a push subscriber, a router, …) gets the message. */
  readonly routable: boolean;
}

/** An exchange-to-exchange binding (A1.1.6), as apart from an alternate exchange (the schema's rule, on a running edge). */
export function isExchangeBinding(edge: EdgeRuntime): boolean {
  return isExchangeToExchangeBinding(edge.role, edge.target.kind);
}

/**
 * Plans the pass of `m` from `entry`, whose own matching destinations are `entryTargets` (not yet visited). `exchangeOf`
 * tells an exchange node from the others; `visited` holds the nodes the message was routed through already.
 */
export function planPass(
  entry: PassExchange, entryTargets: readonly EdgeRuntime[], m: Message, visited: readonly number[],
  exchangeOf: (node: NodeModel) => PassExchange | null,
): PassPlan {
  const claimed = new Set<number>(visited);
  claimed.add(entry.index);
  const order: PassExchange[] = [entry];
  const shares = new Map<number, EdgeRuntime[]>();
  for (let i = 0; i < order.length; i++) {
    const x = order[i]!;
    const share: EdgeRuntime[] = [];
    for (const edge of i === 0 ? entryTargets : matchesOrAlternate(x, m)) {
      const target = edge.target;
      if (claimed.has(target.index)) continue; // A1.1.5: one copy per destination; each exchange once
      claimed.add(target.index);
      const next = target.kind === 'exchange' ? exchangeOf(target) : null;
      if (next !== null && !next.routing) continue; // a down exchange adds nothing
      share.push(edge);
      if (next !== null) order.push(next);
    }
    shares.set(x.index, share);
  }
  const routable = prune(order, shares);
  return { exchanges: order.filter((x) => shares.get(x.index)!.length > 0).map((x) => x.index), shares, routable };
}

/** RMQ-SRC rabbit_exchange `process_alternate`: an exchange of the pass whose bindings match nothing offers its alternate. */
function matchesOrAlternate(x: PassExchange, m: Message): readonly EdgeRuntime[] {
  const own = x.ownMatches(m);
  return own.length === 0 && x.alternateEdge !== undefined ? [x.alternateEdge] : own;
}

/**
 * Drops from the shares the exchanges that lead to no destination (last visited first, so a chain of them goes at
 * once); true when the entry still leads somewhere.
 */
function prune(order: readonly PassExchange[], shares: Map<number, EdgeRuntime[]>): boolean {
  const leads = new Set<number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const x = order[i]!;
    const kept = shares.get(x.index)!.filter((e) => e.target.kind !== 'exchange' || leads.has(e.target.index));
    shares.set(x.index, kept);
    if (kept.length > 0) leads.add(x.index);
  }
  return leads.has(order[0]!.index);
}
