import { aggregatorSpec } from './nodes/aggregator';
import { brokerSpec } from './nodes/broker';
import { consumerSpec } from './nodes/consumer';
import { exchangeSpec } from './nodes/exchange';
import { filterSpec } from './nodes/filter';
import { producerSpec } from './nodes/producer';
import { queueSpec } from './nodes/queue';
import { requesterSpec } from './nodes/requester';
import { routerSpec } from './nodes/router';
import type { NodeKindSpec } from './nodes/spec';

/** Every node kind the document knows. Adding a kind: write its module, add it here. */
export const NODE_KIND_SPECS = [producerSpec, exchangeSpec, queueSpec, consumerSpec, filterSpec, routerSpec, brokerSpec, requesterSpec, aggregatorSpec] as const;

export type NodeKind = (typeof NODE_KIND_SPECS)[number]['kind'];
export const NODE_KINDS = NODE_KIND_SPECS.map((s) => s.kind) as NodeKind[];

const byKind = new Map<string, NodeKindSpec>(NODE_KIND_SPECS.map((s) => [s.kind, s]));

export function kindSpec(kind: string): NodeKindSpec | undefined {
  return byKind.get(kind);
}
