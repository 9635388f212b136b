import { connectionRole } from './connections';
import type { PortRole } from './ports';

/** A node as the topology checks see it (loose: the document may be partly invalid). */
interface CheckedNode { id: string; kind: string; index: number; config: Record<string, unknown> }
interface Issue { code: string; path: (string | number)[]; message: string }

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Edges between known nodes, with their roles. */
function rolesOf(nodes: ReadonlyMap<string, CheckedNode>, edges: readonly unknown[]): { source: string; target: string; role: PortRole }[] {
  return edges.flatMap((raw) => {
    const e = typeof raw === 'object' && raw !== null ? (raw as { source?: unknown; target?: unknown }) : {};
    const source = nodes.get(str(e.source) ?? '\u0000');
    const target = nodes.get(str(e.target) ?? '\u0000');
    const role = source && target ? connectionRole(source.kind, target.kind) : null;
    return source && target && role ? [{ source: source.id, target: target.id, role }] : [];
  });
}

/**
 * Request-Reply rules that need the edges (EIP Return Address, A4): a requester's replyTo names where
 * its replies can reach it, a requester sends along one output, a calling consumer has a way to call.
 */
export function requestReplyIssues(nodes: ReadonlyMap<string, CheckedNode>, edges: readonly unknown[]): Issue[] {
  const roles = rolesOf(nodes, edges);
  const issues: Issue[] = [];
  for (const node of nodes.values()) {
    const outputs = roles.filter((e) => e.source === node.id);
    if (node.kind === 'requester') issues.push(...requesterIssues(node, nodes, roles, outputs));
    const call = node.config.call;
    if (node.kind === 'consumer' && typeof call === 'object' && call !== null && !outputs.some((e) => e.role === 'publish' || e.role === 'push')) {
      issues.push({ code: 'missing_edge', path: ['nodes', node.index, 'config', 'call'], message: `consumer "${node.id}" makes synchronous calls: connect it to the service (push) or the queue or exchange (publish) it calls` });
    }
  }
  return issues;
}

function requesterIssues(node: CheckedNode, nodes: ReadonlyMap<string, CheckedNode>, roles: ReturnType<typeof rolesOf>, outputs: ReturnType<typeof rolesOf>): Issue[] {
  const issues: Issue[] = [];
  if (outputs.length > 1) {
    issues.push({ code: 'too_many_outputs', path: ['nodes', node.index], message: `requester "${node.id}" sends its requests along one output: keep either the publish or the push edge` });
  }
  const replyTo = str(node.config.replyTo);
  if (replyTo === undefined) return issues; // null: replies come to the requester itself
  const path = ['nodes', node.index, 'config', 'replyTo'];
  const target = nodes.get(replyTo);
  if (!target) return [...issues, { code: 'missing_node', path, message: `no node has id "${replyTo}"` }];
  if (target.kind === 'aggregator') return issues;
  if (target.kind !== 'queue') return [...issues, { code: 'bad_reply_to', path, message: `a Return Address names an aggregator or a reply queue, not a ${target.kind} ("${replyTo}")` }];
  if (!roles.some((e) => e.source === replyTo && e.target === node.id && e.role === 'subscribe')) {
    issues.push({ code: 'bad_reply_to', path, message: `replies sent to queue "${replyTo}" never reach requester "${node.id}": connect the queue to it (subscribe)` });
  }
  return issues;
}
