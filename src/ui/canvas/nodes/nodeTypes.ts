import type { NodeTypes } from '@xyflow/react';
import type { NodeKind } from '../../../schema';
import { AggregatorNode } from './AggregatorNode';
import { BrokerNode } from './BrokerNode';
import { ConsumerNode } from './ConsumerNode';
import { ExchangeNode } from './ExchangeNode';
import { FilterNode } from './FilterNode';
import { ProducerNode } from './ProducerNode';
import { QueueNode } from './QueueNode';
import { RequesterNode } from './RequesterNode';
import { RouterNode } from './RouterNode';

/** One component per node kind; a kind missing here is a type error. */
export const nodeTypes = {
  producer: ProducerNode,
  exchange: ExchangeNode,
  queue: QueueNode,
  consumer: ConsumerNode,
  filter: FilterNode,
  router: RouterNode,
  broker: BrokerNode,
  requester: RequesterNode,
  aggregator: AggregatorNode,
} satisfies Record<NodeKind, NodeTypes[string]>;
