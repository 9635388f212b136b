import type { PortRole } from '../../schema';
import type { NodeModel } from './node';

/** An edge at run time: both ends resolved, config read once. */
export interface EdgeRuntime {
  readonly index: number;
  readonly id: string;
  readonly role: PortRole;
  readonly source: NodeModel;
  readonly target: NodeModel;
  readonly bindingKey: string;
  /** Replaces the routing key of messages sent along a publish edge. */
  readonly routingKey: string | undefined;
  readonly delayMs: number;
  /** Messages that entered this edge. */
  traffic: number;
}
