import type { TopologyIssue } from './topology';

/** Kinds that connect as clients and so have a user that permissions name (message.publisher, a consumer's id). */
const CLIENT_KINDS = ['producer', 'consumer', 'requester', 'aggregator'];

interface Named { kind: string }
interface Entity { kind: string; index: number; config: Record<string, unknown> }

/**
 * Permission lists on exchanges (publish) and queues (publish, consume) name clients that exist: a typo
 * would otherwise refuse a client silently for the whole run.
 */
export function securityIssues(node: Entity, nodes: ReadonlyMap<string, Named>): TopologyIssue[] {
  if (node.kind !== 'exchange' && node.kind !== 'queue') return [];
  const permissions = node.config.permissions;
  if (typeof permissions !== 'object' || permissions === null) return [];
  const fields = node.kind === 'queue' ? ['publish', 'consume'] : ['publish'];
  return fields.flatMap((field) => {
    const ids = (permissions as Record<string, unknown>)[field];
    if (!Array.isArray(ids)) return [];
    return ids.flatMap((id, k): TopologyIssue[] => {
      if (typeof id !== 'string') return [];
      const target = nodes.get(id);
      if (target && CLIENT_KINDS.includes(target.kind)) return [];
      const path = ['nodes', node.index, 'config', 'permissions', field, k];
      const message = target ? `"${id}" is ${/^[aeiou]/.test(target.kind) ? 'an' : 'a'} ${target.kind}, not a client (${CLIENT_KINDS.join(', ')})` : `no client has id "${id}"`;
      return [{ code: 'missing_node', path, message }];
    });
  });
}
