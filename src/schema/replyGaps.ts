import { connectionRole } from './connections';
import type { ScenarioEdge } from './edge';
import type { NodeOf, ScenarioNode } from './node';
import type { PortRole } from './ports';
import type { Scenario } from './scenario';

/** A problem that does not make the document invalid but will show when it runs. */
export interface TopologyWarning { code: string; path: (string | number)[]; message: string; nodeId: string }

/** An edge out of a node, with the node it leads to and the role it plays. */
interface Way { edge: ScenarioEdge; target: ScenarioNode; role: PortRole }

/** Each node's ways out, by node id. */
type Graph = ReadonlyMap<string, readonly Way[]>;

function graphOf(scenario: Pick<Scenario, 'nodes' | 'edges'>): Graph {
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const ways = new Map<string, Way[]>();
  for (const edge of scenario.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    const role = source && target ? connectionRole(source.kind, target.kind) : null;
    if (!target || !role) continue;
    if (!ways.has(edge.source)) ways.set(edge.source, []);
    ways.get(edge.source)!.push({ edge, target, role });
  }
  return ways;
}

/**
 * Whether every request reaching `node` goes on along `way`: a queue delivers to its subscribers, a fanout
 * exchange copies to every binding and push subscription (A1.1.3) unless a filter policy decides (A2.5).
 * What routes by key, header or rule (other exchanges, routers, filters) may send a request elsewhere, so
 * the walk stops there: it only speaks of consumers that surely receive requests.
 */
function carriesEveryRequest(node: ScenarioNode, way: Way): boolean {
  if (node.kind === 'queue') return way.role === 'subscribe';
  const fanout = node.kind === 'exchange' && node.config.type === 'fanout';
  return fanout && (way.role === 'bind' || way.role === 'push') && way.edge.config.filterPolicy === undefined;
}

/** A consumer a request reaches, and whether it came straight along a push edge from the sender (a direct call). */
interface Reached { node: NodeOf<'consumer'>; direct: boolean }

/**
 * The way a sender's requests leave it: its first publish or push output, as the engine picks it (a calling
 * consumer's forwardEdge in consumer.ts; a requester has one output). A reply edge carries no requests.
 */
function requestWay(ways: readonly Way[]): Way[] {
  const way = ways.find((w) => w.role === 'publish' || w.role === 'push');
  return way ? [way] : [];
}

/** The consumers that surely receive what `sender` sends: directly, or through queues and fanout exchanges. A consumer ends the way: what it sends on is a new message. */
function receiversOf(sender: ScenarioNode, graph: Graph): Reached[] {
  const reached: Reached[] = [];
  const visited = new Set<string>([sender.id]);
  const visit = (from: ScenarioNode, first: boolean) => {
    for (const way of first ? requestWay(graph.get(from.id) ?? []) : graph.get(from.id) ?? []) {
      if (!first && !carriesEveryRequest(from, way)) continue;
      if (way.target.kind === 'consumer') reached.push({ node: way.target, direct: first && way.role === 'push' });
      else if (!visited.has(way.target.id)) { visited.add(way.target.id); visit(way.target, false); }
    }
  };
  visit(sender, true);
  return reached;
}

interface RequestSender { sender: ScenarioNode; returnAddress: string }

/** Who sends requests, and to which Return Address: requesters (their replyTo, or themselves) and calling consumers (themselves). */
function requestSenders(nodes: readonly ScenarioNode[]): RequestSender[] {
  return nodes.flatMap((node): RequestSender[] => {
    if (node.kind === 'requester') return [{ sender: node, returnAddress: node.config.replyTo ?? node.id }];
    return node.kind === 'consumer' && node.config.call !== null ? [{ sender: node, returnAddress: node.id }] : [];
  });
}

/** Whether `responder`'s reply to a request from `sender` finds its way to `returnAddress`, as the engine sends it (responder.ts). */
function replyFindsItsWay(responder: Reached, sender: ScenarioNode, returnAddress: string, graph: Graph): boolean {
  if (responder.direct && returnAddress === sender.id) return true; // back along the call's own push edge
  return (graph.get(responder.node.id) ?? []).some((w) => w.target.id === returnAddress);
}

/**
 * EIP Return Address (A4): a consumer that answers requests sends each reply to the request's Return Address:
 * back along the call's own connection when it was called directly (a push edge from the caller), otherwise
 * along an edge of its own to that node. Without one, every reply is dropped as unroutable (the default
 * exchange has no such destination, A1.1.2). A warning, not an error: while drawing, the queue → consumer
 * edge comes before the reply edge, and the engine must be able to show what such a topology does.
 */
export function replyGaps(scenario: Pick<Scenario, 'nodes' | 'edges'>): TopologyWarning[] {
  const graph = graphOf(scenario);
  const index = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const warnings: TopologyWarning[] = [];
  const reported = new Set<string>();
  for (const { sender, returnAddress } of requestSenders(scenario.nodes)) {
    for (const responder of receiversOf(sender, graph)) {
      const { id, config } = responder.node;
      const key = `${id}\u0000${returnAddress}`;
      if (!config.reply.enabled || reported.has(key) || replyFindsItsWay(responder, sender, returnAddress, graph)) continue;
      reported.add(key);
      warnings.push({
        code: 'reply_unroutable', path: ['nodes', index.get(id)!], nodeId: id,
        message: `consumer "${id}" answers requests from ${sender.kind} "${sender.id}" but has no edge to their Return Address "${returnAddress}": its replies will be dropped as unroutable. Connect "${id}" to "${returnAddress}", or turn its replies off (reply.enabled: false)`,
      });
    }
  }
  return warnings;
}
