import type { Edge, Node } from '@xyflow/react';
import type { NodeKind, PortRole, ScenarioEdge, ScenarioNode } from '../../schema';

/** A canvas node carries the document node it draws; `type` is the node kind. */
export type KindNode = Node<{ node: ScenarioNode }, NodeKind>;

export interface MessageEdgeData extends Record<string, unknown> {
  edge: ScenarioEdge;
  role: PortRole;
  /** The source exchange's type, on a bind edge (a fanout exchange ignores binding keys). */
  exchangeType?: string;
}
export type MessageEdge = Edge<MessageEdgeData, 'message'>;
