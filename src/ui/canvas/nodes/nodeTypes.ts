import type { NodeTypes } from '@xyflow/react';
import type { NodeKind } from '../../../schema';
import { ConsumerNode } from './ConsumerNode';
import { ExchangeNode } from './ExchangeNode';
import { ProducerNode } from './ProducerNode';
import { QueueNode } from './QueueNode';

/** One component per node kind; a kind missing here is a type error. */
export const nodeTypes = {
  producer: ProducerNode,
  exchange: ExchangeNode,
  queue: QueueNode,
  consumer: ConsumerNode,
} satisfies Record<NodeKind, NodeTypes[string]>;
