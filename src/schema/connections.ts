import { kindSpec, NODE_KIND_SPECS } from './nodeKinds';
import type { PortRole } from './ports';

/** The roles a `source` → `target` edge may play, the default first (empty when such an edge is not allowed). */
export function connectionRoles(sourceKind: string, targetKind: string): PortRole[] {
  const source = kindSpec(sourceKind);
  const target = kindSpec(targetKind);
  if (!source || !target) return [];
  return source.ports.outputs.filter((role) => target.ports.inputs.includes(role));
}

/** The role an edge from `source` plays by default, or null when a `source` → `target` edge is not allowed. */
export function connectionRole(sourceKind: string, targetKind: string): PortRole | null {
  return connectionRoles(sourceKind, targetKind)[0] ?? null;
}

/**
 * The role an edge plays: the one its config names (`role`, when its ends allow several: an exchange → exchange edge
 * is an alternate exchange or an exchange-to-exchange binding, A1.1.6), else its ends' default.
 */
export function edgeRole(sourceKind: string, targetKind: string, config: { role?: string | undefined } | undefined): PortRole | null {
  const roles = connectionRoles(sourceKind, targetKind);
  const chosen = config?.role;
  return chosen !== undefined && (roles as string[]).includes(chosen) ? (chosen as PortRole) : (roles[0] ?? null);
}

/**
 * Whether an edge of `role` into a node of `targetKind` is an exchange-to-exchange binding (A1.1.6), as apart from an
 * alternate exchange: only an exchange has bindings, so the target tells. Inside one broker: no delay, no link fault.
 */
export function isExchangeToExchangeBinding(role: PortRole | null, targetKind: string | undefined): boolean {
  return role === 'bind' && targetKind === 'exchange';
}

/** The kinds a node of `sourceKind` may connect to. */
export function allowedTargets(sourceKind: string): string[] {
  return NODE_KIND_SPECS.filter((t) => connectionRole(sourceKind, t.kind) !== null).map((t) => t.kind);
}

const article = (kind: string) => (/^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`);

/** Why an edge is refused, in a sentence naming what is allowed instead. */
export function explainRefusedConnection(sourceKind: string, targetKind: string): string {
  const targets = allowedTargets(sourceKind);
  const can = targets.length === 0
    ? `${article(sourceKind)} has no outputs`
    : `${article(sourceKind)} can connect to: ${targets.join(', ')}`;
  return `${article(sourceKind)} cannot connect to ${article(targetKind)}; ${can}`;
}
