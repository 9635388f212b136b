import { connectionRole, explainRefusedConnection, kindSpec, type PortRole, type Scenario } from '../../schema';

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
  const role = connectionRole(from.kind, to.kind);
  if (role === null) return explainRefusedConnection(from.kind, to.kind);
  const channel = options.channel ?? 'main';
  if (channel === 'invalid' && from.kind !== 'filter') return 'only a filter has an invalid-message channel';
  const duplicate = scenario.edges.some((e) => e.source === source && e.target === target
    && (e.config.bindingKey ?? '') === (options.bindingKey ?? '') && channelOf(e.config) === channel);
  if (duplicate) return `the same connection from "${source}" to "${target}" already exists`;
  // A4: a requester sends its requests along one way, a publish or a call (src/schema/requestReplyChecks.ts).
  if (from.kind === 'requester' && scenario.edges.some((e) => e.source === source)) {
    return `requester "${source}" sends its requests along one output, a publish or a call; remove its edge first`;
  }
  const max = kindSpec(from.kind)?.ports.maxOutputs[role];
  if (max === undefined) return null;
  const outputs = scenario.edges.filter((e) => {
    if (e.source !== source || channelOf(e.config) !== channel) return false;
    const other = scenario.nodes.find((n) => n.id === e.target);
    return other !== undefined && connectionRole(from.kind, other.kind) === role;
  }).length;
  if (outputs < max) return null;
  const what = channel === 'invalid' ? 'invalid-message' : ROLE_WORDS[role];
  return `${from.kind} "${source}" may have at most ${max} ${what} edge${max === 1 ? '' : 's'}; remove its edge first`;
}
