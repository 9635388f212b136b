import { kindSpec, NODE_KIND_SPECS } from './nodeKinds';
import type { PortRole } from './ports';

/** The role an edge from `source` plays, or null when a `source` → `target` edge is not allowed. */
export function connectionRole(sourceKind: string, targetKind: string): PortRole | null {
  const source = kindSpec(sourceKind);
  const target = kindSpec(targetKind);
  if (!source || !target) return null;
  return source.ports.outputs.find((role) => target.ports.inputs.includes(role)) ?? null;
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
