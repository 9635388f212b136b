import type { Edge, Node } from '@xyflow/react';
import type { NodeKind, PortRole, ScenarioEdge, ScenarioNode } from '../../schema';
import type { DelayWays } from './edgeDelay';
import type { EdgeLabel } from './edgeLabels';

/** A canvas node carries the document node it draws; `type` is the node kind. */
export type KindNode = Node<{ node: ScenarioNode }, NodeKind>;

export interface MessageEdgeData extends Record<string, unknown> {
  edge: ScenarioEdge;
  role: PortRole;
  /** The source exchange's type, on a bind edge (a fanout exchange ignores binding keys). */
  exchangeType?: string;
  /** What the edge's label says and how the edge is styled (binding key, headers binding, dead-letter, …). */
  label: EdgeLabel;
  /** Which ways its delay is crossed: both on a subscription whose acks or polls cross it too (edgeDelay.ts). */
  delayWays: DelayWays;
}
export type MessageEdge = Edge<MessageEdgeData, 'message'>;
