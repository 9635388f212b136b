/**
 * What flows along an edge, named by the role the edge plays:
 * - `publish`:    a client publishes to a broker entity (producer → exchange, consumer → queue, filter → …)
 * - `bind`:       a binding from an exchange to a queue (or a filter/router); the binding key lives on the edge
 * - `subscribe`:  a queue delivers to a consumer (basic.consume, or polling)
 * - `push`:       an exchange/topic pushes straight to a subscriber with no queue, in one attempt: an
 *                 offline subscriber never gets the message (MQTT QoS 0; SNS would retry first, A2.4, not modelled)
 * - `deadLetter`: a queue's dead-letter target, an exchange (DLX) or a queue (SQS redrive)
 * - `alternate`:  an exchange's alternate exchange for unroutable messages (semantics.md A1.1.7)
 * - `reply`:      a responder's (or an aggregator's) way back to a requester or an aggregator. Replies go to
 *                 the node a request names as its Return Address (EIP, A4), along the replier's edge to it;
 *                 a direct call's reply goes back along the `push` edge the call came by.
 * A kind declares which roles it accepts and emits, so adding a kind never touches the others.
 */
export type PortRole = 'publish' | 'bind' | 'subscribe' | 'push' | 'deadLetter' | 'alternate' | 'reply';

export interface KindPorts {
  /** Roles of edges this kind accepts as their target. */
  inputs: readonly PortRole[];
  /** Roles of edges leaving this kind, in order of preference when a target accepts several. */
  outputs: readonly PortRole[];
  /** How many outgoing edges of a role it may have (a role not listed: any number). */
  maxOutputs: Partial<Record<PortRole, number>>;
}
