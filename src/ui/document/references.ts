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

/** Is `replyTo` still a Return Address the requester can be answered at: an aggregator, or a queue it consumes (A4)? */
function replyReaches(d: Scenario, requester: string, replyTo: string, kinds: ReadonlyMap<string, string>): boolean {
  const kind = kinds.get(replyTo);
  if (kind === 'aggregator') return true;
  return kind === 'queue' && d.edges.some((e) => e.source === replyTo && e.target === requester);
}

/**
 * A requester whose Return Address (A4) went (or whose reply queue no longer feeds it) replies to itself
 * again (null); a consumer with no way left to make its synchronous call stops calling; a removed client
 * leaves the permission lists of queues and exchanges (a list that empties stays empty: nobody may).
 */
function pruneClientReferences(d: Scenario, kinds: ReadonlyMap<string, string>): void {
  for (const node of d.nodes) {
    if (node.kind === 'requester' && node.config.replyTo !== null && !replyReaches(d, node.id, node.config.replyTo, kinds)) node.config.replyTo = null;
    if (node.kind === 'consumer' && node.config.call !== null) {
      const calls = d.edges.some((e) => e.source === node.id && ['publish', 'push'].includes(connectionRole('consumer', kinds.get(e.target) ?? '') ?? ''));
      if (!calls) node.config.call = null;
    }
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
