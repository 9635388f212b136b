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
