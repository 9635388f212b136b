import { connectionRole, type Scenario } from '../../schema';

/**
 * After nodes or edges are removed, drops what referred to them, so a delete always gives a valid document:
 * router rules and `otherwise` lose targets that are no longer connected (a rule left with none goes), and
 * an SQS queue with no dead-letter edge left loses its redrive policy (maxReceiveCount needs one, A2.2),
 * and Return Addresses and permissions forget removed nodes (see pruneClientReferences).
 */
export function pruneReferences(d: Scenario): void {
  const kinds = new Map(d.nodes.map((n) => [n.id, n.kind]));
  const targets = (id: string) => new Set(d.edges.filter((e) => e.source === id && kinds.has(e.target)).map((e) => e.target));
  for (const node of d.nodes) {
    if (node.kind === 'router') {
      const connected = targets(node.id);
      const keep = (ids: string[]) => ids.filter((t) => connected.has(t));
      node.config.otherwise = keep(node.config.otherwise);
      node.config.rules = node.config.rules.map((r) => ({ ...r, to: keep(r.to) })).filter((r) => r.to.length > 0);
    }
    if (node.kind === 'queue' && node.config.maxReceiveCount !== undefined) {
      const deadLetter = d.edges.some((e) => e.source === node.id && connectionRole('queue', kinds.get(e.target) ?? '') === 'deadLetter');
      if (!deadLetter) delete node.config.maxReceiveCount;
    }
  }
  pruneClientReferences(d, kinds);
}

const keepKnown = (ids: string[] | null, kinds: ReadonlyMap<string, string>) => (ids === null ? null : ids.filter((id) => kinds.has(id)));

/**
 * A requester whose Return Address (A4) was removed replies to itself again (null); a removed client
 * leaves the permission lists of queues and exchanges (a list that empties stays an empty list: nobody
 * may, as the user had chosen everyone else away).
 */
function pruneClientReferences(d: Scenario, kinds: ReadonlyMap<string, string>): void {
  for (const node of d.nodes) {
    if (node.kind === 'requester' && node.config.replyTo !== null && !kinds.has(node.config.replyTo)) node.config.replyTo = null;
    if (node.kind === 'queue' && node.config.permissions) {
      node.config.permissions = {
        publish: keepKnown(node.config.permissions.publish, kinds),
        consume: keepKnown(node.config.permissions.consume, kinds),
      };
    }
    if (node.kind === 'exchange' && node.config.permissions) {
      node.config.permissions = { publish: keepKnown(node.config.permissions.publish, kinds) };
    }
  }
}
