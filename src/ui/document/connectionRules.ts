import { connectionRoles, edgeRole, explainRefusedConnection, kindSpec, type PortRole, type Scenario, type ScenarioNode } from '../../schema';

/** Which output of the source an edge leaves from: the main one, or a filter's Invalid Message Channel. */
export type Channel = 'main' | 'invalid';

export interface ConnectOptions {
  bindingKey?: string;
  channel?: Channel;
}

const ROLE_WORDS: Record<PortRole, string> = {
  publish: 'outgoing', bind: 'binding', subscribe: 'subscription', push: 'push subscription', deadLetter: 'dead-letter', alternate: 'alternate-exchange', reply: 'reply',
};

/** The channel an edge in the document leaves from. */
export const channelOf = (config: { channel?: string }): Channel => (config.channel === 'invalid' ? 'invalid' : 'main');

/**
 * Why a new edge `source` → `target` would be refused by the schema, or null when it is allowed.
 * The same rules as src/schema/topology.ts (outputs counted per role and channel), asked before the
 * edge exists so the canvas can say why.
 */
export function refuseConnection(scenario: Scenario, source: string, target: string, options: ConnectOptions = {}): string | null {
  const from = scenario.nodes.find((n) => n.id === source);
  const to = scenario.nodes.find((n) => n.id === target);
  if (!from) return `no node has id "${source}"`;
  if (!to) return `no node has id "${target}"`;
  if (source === target) return `a node cannot connect to itself ("${source}")`;
  const roles = connectionRoles(from.kind, to.kind);
  if (roles.length === 0) return explainRefusedConnection(from.kind, to.kind);
  const channel = options.channel ?? 'main';
  if (channel === 'invalid' && from.kind !== 'filter') return 'only a filter has an invalid-message channel';
  const role = newEdgeRole(scenario, from, to, channel);
  const duplicate = scenario.edges.some((e) => e.source === source && e.target === target && roleOf(scenario, e) === role
    && (e.config.bindingKey ?? '') === (options.bindingKey ?? '') && channelOf(e.config) === channel);
  if (duplicate) return `the same connection from "${source}" to "${target}" already exists`;
  // A4: a requester sends its requests along one way, a publish or a call (src/schema/requestReplyChecks.ts).
  if (from.kind === 'requester' && scenario.edges.some((e) => e.source === source)) {
    return `requester "${source}" sends its requests along one output, a publish or a call; remove its edge first`;
  }
  const max = kindSpec(from.kind)?.ports.maxOutputs[role];
  if (max === undefined || outputsOf(scenario, from, role, channel) < max) return null;
  const what = channel === 'invalid' ? 'invalid-message' : ROLE_WORDS[role];
  return `${from.kind} "${source}" may have at most ${max} ${what} edge${max === 1 ? '' : 's'}; remove its edge first`;
}

/** The role an edge in the document plays (null when its ends are gone). */
function roleOf(scenario: Scenario, edge: Scenario['edges'][number]): PortRole | null {
  const from = scenario.nodes.find((n) => n.id === edge.source);
  const to = scenario.nodes.find((n) => n.id === edge.target);
  return from && to ? edgeRole(from.kind, to.kind, edge.config) : null;
}

/** How many edges of `role` leave `from` on `channel`. */
function outputsOf(scenario: Scenario, from: ScenarioNode, role: PortRole, channel: Channel): number {
  return scenario.edges.filter((e) => e.source === from.id && channelOf(e.config) === channel && roleOf(scenario, e) === role).length;
}

/**
 * The role a new edge `from` → `to` takes: the first its ends allow that `from` has room for, so that a second edge
 * between exchanges, once the alternate exchange exists, is an exchange-to-exchange binding (A1.1.6); else the default.
 */
export function newEdgeRole(scenario: Scenario, from: ScenarioNode, to: ScenarioNode, channel: Channel = 'main'): PortRole {
  const roles = connectionRoles(from.kind, to.kind);
  const fits = (role: PortRole) => outputsOf(scenario, from, role, channel) < (kindSpec(from.kind)?.ports.maxOutputs[role] ?? Infinity);
  return roles.find(fits) ?? roles[0]!;
}
