import { connectionRoles, edgeRole, explainRefusedConnection, isExchangeToExchangeBinding } from './connections';
import { kindSpec } from './nodeKinds';
import type { PortRole } from './ports';
import { requestReplyIssues } from './requestReplyChecks';
import { securityIssues } from './securityChecks';
import { faultTargetType } from './faults';

/** A problem found across the document, before it becomes a ScenarioError. */
export interface TopologyIssue { code: string; path: (string | number)[]; message: string }

interface LooseNode { id?: unknown; kind?: unknown; config?: Record<string, unknown> }
interface LooseEdge { id?: unknown; source?: unknown; target?: unknown; config?: Record<string, unknown> }
/** Works on a fully parsed document and on a raw one whose other parts failed, so every error shows at once. */
export interface LooseTopology { nodes?: unknown; edges?: unknown; faults?: unknown }

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = <T>(v: unknown): T | undefined => (typeof v === 'object' && v !== null ? (v as T) : undefined);

interface End { id: string; kind: string; index: number; config: Record<string, unknown> }

/** Checks that need the whole document: unique ids, edges between existing nodes that may connect. */
export function topologyIssues(doc: LooseTopology): TopologyIssue[] {
  const issues: TopologyIssue[] = [];
  const nodes = new Map<string, End>();
  list(doc.nodes).forEach((raw, index) => {
    const node = obj<LooseNode>(raw);
    const id = str(node?.id);
    if (id === undefined) return;
    if (nodes.has(id)) issues.push({ code: 'duplicate_id', path: ['nodes', index, 'id'], message: `duplicate node id "${id}"` });
    else nodes.set(id, { id, kind: str(node?.kind) ?? '', index, config: obj<Record<string, unknown>>(node?.config) ?? {} });
  });
  const edgeIds = new Set<string>();
  const outputs = new Map<string, number>();
  const pairs = new Set<string>();
  const targetsOf = new Map<string, Set<string>>();
  const roleOutputs = new Map<string, Set<PortRole>>();
  const exchangeBindings = new Set<string>();
  list(doc.edges).forEach((raw, i) => {
    const edge = obj<LooseEdge>(raw);
    if (!edge) return;
    const id = str(edge.id);
    if (id !== undefined && (edgeIds.has(id) || nodes.has(id))) issues.push({ code: 'duplicate_id', path: ['edges', i, 'id'], message: `duplicate id "${id}"` });
    if (id !== undefined) edgeIds.add(id);
    const source = nodes.get(str(edge.source) ?? '\u0000');
    const target = nodes.get(str(edge.target) ?? '\u0000');
    if (str(edge.source) !== undefined && !source) issues.push({ code: 'missing_node', path: ['edges', i, 'source'], message: `no node has id "${str(edge.source)}"` });
    if (str(edge.target) !== undefined && !target) issues.push({ code: 'missing_node', path: ['edges', i, 'target'], message: `no node has id "${str(edge.target)}"` });
    if (!source || !target || !kindSpec(source.kind) || !kindSpec(target.kind)) return; // unknown kinds are reported on the node
    const config = edge.config ?? {};
    const role = edgeRole(source.kind, target.kind, { role: str(config.role) });
    issues.push(...edgeIssues(config, i, source, target, role));
    if (role === null || source.id === target.id) return;
    if (isExchangeToExchangeBinding(role, target.kind)) exchangeBindings.add(str(edge.id) ?? '');
    const pair = `${source.id}\u0000${target.id}\u0000${role}\u0000${str(config.bindingKey) ?? ''}\u0000${str(config.channel) ?? ''}`;
    if (pairs.has(pair)) issues.push({ code: 'duplicate_edge', path: ['edges', i], message: `the same connection from "${source.id}" to "${target.id}" already exists` });
    pairs.add(pair);
    if (!targetsOf.has(source.id)) targetsOf.set(source.id, new Set());
    targetsOf.get(source.id)!.add(target.id);
    if (!roleOutputs.has(source.id)) roleOutputs.set(source.id, new Set());
    roleOutputs.get(source.id)!.add(role);
    const channel = str(config.channel) ?? 'main';
    const key = `${source.id}\u0000${role}\u0000${channel}`;
    const count = (outputs.get(key) ?? 0) + 1;
    outputs.set(key, count);
    const max = kindSpec(source.kind)?.ports.maxOutputs[role];
    if (max !== undefined && count > max) {
      const what = channel === 'invalid' ? 'invalid-message' : roleNames[role];
      issues.push({ code: 'too_many_outputs', path: ['edges', i], message: `${source.kind} "${source.id}" may have at most ${max} ${what} edge${max === 1 ? '' : 's'}` });
    }
  });
  for (const node of nodes.values()) issues.push(...nodeTopologyIssues(node, targetsOf.get(node.id) ?? new Set(), roleOutputs.get(node.id) ?? new Set()));
  for (const node of nodes.values()) issues.push(...placementIssues(node, nodes));
  for (const node of nodes.values()) issues.push(...securityIssues(node, nodes));
  issues.push(...faultIssues(doc.faults, nodes, edgeIds, exchangeBindings));
  issues.push(...requestReplyIssues(nodes, list(doc.edges)));
  return issues;
}

/** Queues and exchanges name the broker nodes that host them. */
function placementIssues(node: End, nodes: Map<string, End>): TopologyIssue[] {
  const ids = node.kind === 'queue' ? list(node.config.brokers) : node.kind === 'exchange' && node.config.broker !== undefined ? [node.config.broker] : [];
  const field = node.kind === 'queue' ? 'brokers' : 'broker';
  return ids.flatMap((id, k) => {
    if (typeof id !== 'string' || nodes.get(id)?.kind === 'broker') return [];
    const path = ['nodes', node.index, 'config', field, ...(node.kind === 'queue' ? [k] : [])];
    return [{ code: 'missing_node', path, message: nodes.has(id) ? `"${id}" is a ${nodes.get(id)!.kind}, not a broker` : `no broker has id "${id}"` }];
  });
}

const FAULT_TARGETS: Record<string, { edge: boolean; kinds?: string[] }> = {
  crash: { edge: false },
  slow: { edge: false, kinds: ['consumer'] },
  slowDisk: { edge: false, kinds: ['broker', 'queue'] },
  poison: { edge: false, kinds: ['producer'] },
  linkDelay: { edge: true }, linkLoss: { edge: true }, partition: { edge: true }, corrupt: { edge: true },
};

/** Each fault hits a node or an edge that exists and can suffer it. */
function faultIssues(faults: unknown, nodes: Map<string, End>, edgeIds: Set<string>, exchangeBindings: Set<string>): TopologyIssue[] {
  return list(faults).flatMap((raw, i): TopologyIssue[] => {
    const fault = obj<{ type?: unknown; target?: unknown; of?: unknown }>(raw);
    const type = str(fault?.type);
    const target = str(fault?.target);
    if (type === undefined || target === undefined) return [];
    const problem = faultTargetProblem({ type, of: fault?.of }, target, edgeIds.has(target), nodes.get(target)?.kind, exchangeBindings.has(target));
    return problem ? [{ ...problem, path: ['faults', i, 'target'] }] : [];
  });
}

/**
 * Why `fault` cannot hit `target` (an edge, a node of `nodeKind`, or nothing: both absent), or null when it can.
 * A heal hits what the type it ends can (a restart: any node). The document's check and the engine's refusal of a
 * live fault share it, so they agree.
 */
export function faultTargetProblem(fault: { type: string; of?: unknown }, target: string, isEdge: boolean, nodeKind: string | undefined, insideBroker = false): { code: string; message: string } | null {
  const ruleType = faultTargetType(fault);
  const rule = FAULT_TARGETS[ruleType];
  const type = fault.type === 'heal' ? `a heal of ${ruleType}` : ruleType;
  if (!rule) return null;
  if (rule.edge && insideBroker) return { code: 'bad_fault', message: `${type} hits a link, and "${target}" is an exchange-to-exchange binding, inside one broker: no network to fault (semantics.md A1.1.6)` };
  if (rule.edge) return isEdge ? null : { code: 'missing_edge', message: `${type} hits a link: no edge has id "${target}"` };
  if (nodeKind === undefined) return { code: 'missing_node', message: `no node has id "${target}"` };
  if (rule.kinds && !rule.kinds.includes(nodeKind)) return { code: 'bad_fault', message: `${type} applies to a ${rule.kinds.join(' or a ')}, not a ${nodeKind}` };
  return null;
}

const roleNames: Record<PortRole, string> = {
  publish: 'outgoing', bind: 'binding', subscribe: 'subscription', push: 'push subscription', deadLetter: 'dead-letter', alternate: 'alternate-exchange', reply: 'reply',
};

/** Which edge fields belong to which role, and why a misplaced one is refused. */
const FIELD_ROLES: { field: string; roles: PortRole[]; message: string }[] = [
  { field: 'bindingKey', roles: ['bind'], message: 'a binding key belongs on a binding: an edge from an exchange to a queue, or to an exchange with role bind' },
  { field: 'xMatch', roles: ['bind'], message: 'x-match belongs on a binding from a headers exchange' },
  { field: 'bindingArgs', roles: ['bind'], message: 'binding arguments belong on a binding from a headers exchange' },
  { field: 'filterPolicy', roles: ['bind', 'push'], message: 'a subscription filter policy belongs on an edge out of an exchange / topic' },
  { field: 'routingKey', roles: ['publish'], message: 'a routing key belongs on a publish edge (from a producer or consumer)' },
];

function edgeIssues(config: Record<string, unknown>, i: number, source: End, target: End, role: PortRole | null): TopologyIssue[] {
  if (source.id === target.id) return [{ code: 'bad_connection', path: ['edges', i], message: `a node cannot connect to itself ("${source.id}")` }];
  if (role === null) return [{ code: 'bad_connection', path: ['edges', i], message: explainRefusedConnection(source.kind, target.kind) }];
  const issues: TopologyIssue[] = [...subscriptionIssues(i, source, target, role)];
  for (const { field, roles, message } of FIELD_ROLES) {
    if (config[field] !== undefined && !roles.includes(role)) issues.push({ code: 'misplaced_field', path: ['edges', i, 'config', field], message });
  }
  const headersExchange = source.kind === 'exchange' && source.config.type === 'headers';
  for (const field of ['xMatch', 'bindingArgs']) {
    if (config[field] !== undefined && role === 'bind' && !headersExchange) {
      issues.push({ code: 'misplaced_field', path: ['edges', i, 'config', field], message: `${field === 'xMatch' ? 'x-match' : 'binding arguments'} only applies to a headers exchange (semantics.md A1.3)` });
    }
  }
  if (config.bindingKey !== undefined && headersExchange) {
    issues.push({ code: 'misplaced_field', path: ['edges', i, 'config', 'bindingKey'], message: 'a headers exchange ignores the routing key: match on binding arguments instead (semantics.md A1.3)' });
  }
  if (config.role !== undefined && connectionRoles(source.kind, target.kind).length < 2) {
    issues.push({ code: 'misplaced_field', path: ['edges', i, 'config', 'role'], message: `a ${source.kind} → ${target.kind} edge has one role: role belongs on an edge between two exchanges (bind or alternate)` });
  }
  if (isExchangeToExchangeBinding(role, target.kind) && typeof config.delayMs === 'number' && config.delayMs > 0) {
    // A1.1.6: the routing over e2e bindings is one computation in the broker; no message crosses a network between them.
    issues.push({ code: 'bad_delay', path: ['edges', i, 'config', 'delayMs'], message: 'an exchange-to-exchange binding is inside one broker and routes at once: it has no network delay (semantics.md A1.1.6)' });
  }
  if (config.channel !== undefined && source.kind !== 'filter') {
    issues.push({ code: 'misplaced_field', path: ['edges', i, 'config', 'channel'], message: 'only a filter has an invalid-message channel' });
  }
  return issues;
}

const flavorOf = (queue: End) => (typeof queue.config.flavor === 'string' ? queue.config.flavor : 'classic');

/** How a consumer may subscribe to a queue of each flavor, and where an SQS queue may redrive to. */
function subscriptionIssues(i: number, source: End, target: End, role: PortRole): TopologyIssue[] {
  const issue = (message: string): TopologyIssue => ({ code: 'bad_subscription', path: ['edges', i], message });
  if (role === 'deadLetter' && flavorOf(source) === 'sqs') {
    if (target.kind !== 'queue' || flavorOf(target) !== 'sqs') return [issue('an SQS dead-letter queue must be an SQS queue too (semantics.md A2.2)')];
    // A2.2: the dead-letter queue is of the same type, FIFO for a FIFO queue, standard for a standard one.
    const type = (q: End) => (q.config.fifo == null ? 'standard' : 'FIFO');
    if (type(source) !== type(target)) return [issue(`the dead-letter queue of a ${type(source)} queue must be a ${type(source)} queue too: "${target.id}" is ${type(target)} (semantics.md A2.2)`)];
  }
  if (role !== 'subscribe') return [];
  const sqs = flavorOf(source) === 'sqs';
  // A requester has no pull or ack settings: a reply queue pushes to it and it settles each reply on receipt.
  if (sqs && target.kind === 'requester') return [issue(`SQS queues are polled and requester "${target.id}" takes its replies pushed to it: make "${source.id}" a classic or quorum queue (semantics.md A2.1)`)];
  const delivery = target.config.delivery ?? 'push';
  if (sqs && delivery !== 'pull') return [issue(`SQS queues are polled: set consumer "${target.id}" to pull delivery (semantics.md A2.1)`)];
  if (sqs && target.config.ackMode === 'auto') return [issue(`SQS has no auto-ack: consumer "${target.id}" must delete each message after processing (ackMode manual, A2.1)`)];
  const wait = target.config.waitTimeMs;
  if (!sqs && delivery === 'pull' && typeof wait === 'number' && wait > 0) {
    return [issue(`basic.get does not wait: long polling (waitTimeMs) is an SQS feature; consumer "${target.id}" polls a RabbitMQ queue (A1.5)`)];
  }
  return [];
}

/** Rules about a node that depend on its edges. */
function nodeTopologyIssues(node: End, targets: Set<string>, roles: Set<PortRole>): TopologyIssue[] {
  const issues: TopologyIssue[] = [];
  if (node.kind === 'queue' && node.config.maxReceiveCount !== undefined && !roles.has('deadLetter')) {
    // A2.2: a redrive policy names its dead-letter queue (deadLetterTargetArn).
    issues.push({ code: 'missing_dead_letter', path: ['nodes', node.index, 'config', 'maxReceiveCount'], message: 'a redrive policy needs a dead-letter queue: connect this queue to one' });
  }
  if (node.kind === 'router') {
    const check = (ids: unknown, path: (string | number)[]) => list(ids).forEach((id, k) => {
      if (typeof id === 'string' && !targets.has(id)) issues.push({ code: 'missing_edge', path: [...path, k], message: `"${id}" is not connected to this router: draw an edge to it first` });
    });
    list(node.config.rules).forEach((rule, r) => check(obj<{ to?: unknown }>(rule)?.to, ['nodes', node.index, 'config', 'rules', r, 'to']));
    check(node.config.otherwise, ['nodes', node.index, 'config', 'otherwise']);
  }
  return issues;
}
