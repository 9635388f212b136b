import type { PassPlan } from '../routing/exchangePass';
import type { EdgeRuntime } from './edge';
import type { Message } from './message';

/**
 * One routing pass: the broker entities that route (exchanges, routers, filters) a message, or its copy, went through
 * since it was published or last arrived at a queue. A1.1.6: exchange-to-exchange bindings route once, over the combined
 * set of bindings; RabbitMQ's routing keeps the set of exchanges it visited, so a message is never routed through the
 * same exchange twice in one publish. Here routers and filters pass messages on like bindings do, so a router or filter
 * sending back to an exchange the message came through closes a cycle of the same kind: it now ends where it closes
 * (that way adds no destination), instead of routing the message again at every turn. With two ways back the copies
 * doubled at each turn, and such a topology ran out of memory within its first event (a property test found it).
 */

/** `node` routes `m` now: it joins the pass (a new list: the copies made before share the old one, unchanged). */
export function enterRouting(m: Message, node: number): void {
  m.routedVia = m.routedVia === null ? [node] : [...m.routedVia, node];
}

/** Whether `m` has been routed through `edge`'s target in this pass already. */
export function visited(m: Message, edge: EdgeRuntime): boolean {
  return m.routedVia !== null && m.routedVia.includes(edge.target.index);
}

/** `targets` without those whose node `m` has been routed through in this pass already. */
export function notYetVisited(m: Message, targets: EdgeRuntime[]): EdgeRuntime[] {
  // The list itself when none was visited (most messages): no copy of it per routing.
  return targets.some((e) => visited(m, e)) ? targets.filter((e) => !visited(m, e)) : targets;
}

/**
 * The plans of the passes over exchange-to-exchange bindings under way (A1.1.6, routing/exchangePass.ts), keyed by the
 * pass's list of nodes, which the copies of the pass share and nothing changes (not by the message: messages are
 * reused, ARCHITECTURE.md). A copy that leaves the pass (a queue, a router) leaves the list, and the plan goes with it.
 * Kept here rather than in a field of Message, which every message would carry for what few messages do.
 */
const plans = new WeakMap<readonly number[], PassPlan>();

/** `m` starts a pass over exchange-to-exchange bindings: it is routed through the plan's exchanges. */
export function enterPass(m: Message, plan: PassPlan): void {
  const via = m.routedVia === null ? [...plan.exchanges] : [...m.routedVia, ...plan.exchanges];
  plans.set(via, plan);
  m.routedVia = via;
}

/** The copies `node` sends on in the pass `m` is in, or undefined when `m` is in no pass that plans for `node`. */
export function shareOf(m: Message, node: number): readonly EdgeRuntime[] | undefined {
  return m.routedVia === null ? undefined : plans.get(m.routedVia)?.shares.get(node);
}
