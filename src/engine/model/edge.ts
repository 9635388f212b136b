import type { EdgeConfig, PortRole } from '../../schema';
import type { LinkFault } from '../faults/linkFault';
import type { Message } from './message';
import type { NodeModel } from './node';

/**
 * How long a client or broker takes to notice that a link lost what it sent (a partition, a lossy link): a lost frame
 * means a dead connection, which each side notices by missed heartbeats (RabbitMQ: seconds to a minute). We take 1 s,
 * which also keeps a lossy link from returning anything in zero time. semantics.md has no heartbeat rule: an assumption.
 * A manual-ack delivery lost on its way to a consumer goes back to its queue this long after (A1.4); a publish (or its
 * confirm) lost on a publisher's own connection fails at the publisher this long after (A1.6, ConfirmTracker.lostOnLink).
 */
export const LINK_RETURN_MS = 1000;

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
  /** Headers-exchange binding (A1.3). */
  readonly xMatch: EdgeConfig['xMatch'];
  readonly bindingArgs: EdgeConfig['bindingArgs'];
  /** SNS subscription filter policy (A2.5). */
  readonly filterPolicy: EdgeConfig['filterPolicy'];
  /** A filter's Invalid Message Channel. */
  readonly invalidChannel: boolean;
  /** Messages that entered this edge, source → target (send). */
  traffic: number;
  /** Messages sent back along it, target → source (sendBack: a direct call's reply, A4 Return Address). */
  backTraffic: number;
  /**
   * The message that last entered it, source → target (kept when tracing, for the message inspector). Written only
   * through MessagePool.show, which pins it: a message on show is not reused (messagePool.ts).
   */
  lastMessage: Message | null;
  /**
   * The reply last sent back along it, target → source (kept when tracing): apart from lastMessage, so the
   * inspector shows a direct call's last request and last reply each for what it is (A4 Return Address). Written
   * only through MessagePool.show, as lastMessage.
   */
  lastReply: Message | null;
  /** Its current link faults, or null when healthy. */
  fault: LinkFault | null;
}

/**
 * Whether the reply to `request`, which went along `edge`, comes back along the same edge: a direct call,
 * a push from the node named by its Return Address (semantics.md A4). Else the reply goes to that address
 * by an edge of its own.
 */
export function repliesComeBack(edge: EdgeRuntime, request: Message): boolean {
  return edge.role === 'push' && edge.source.id === request.replyTo;
}

/**
 * Whether what is sent along `edge` may arrive later rather than at once: the link has a delay, or a fault that may add
 * one. A queue tests it before it follows a delivery or settlement on its way: on a link without either, the usual case,
 * that costs no more than this.
 */
export function mayTravel(edge: EdgeRuntime): boolean {
  return edge.delayMs > 0 || edge.fault !== null;
}

/**
 * One way across `edge` for what a node times itself rather than sending through the kernel (a
 * publisher's confirm coming back, a poll's request and answer): the link's delay plus a link fault's
 * added latency, without its jitter or loss.
 */
export function oneWayDelayMs(edge: EdgeRuntime): number {
  return edge.delayMs + (edge.fault?.addMs ?? 0);
}
