/**
 * What flows along an edge, named by the role the edge plays:
 * - `publish`:   a client publishes to a broker entity (producer → exchange, consumer → queue)
 * - `bind`:      a binding from an exchange to a queue; the binding key lives on the edge
 * - `subscribe`: a queue delivers to a consumer (basic.consume)
 * A kind declares which roles it accepts and emits, so adding a kind never touches the others.
 */
export type PortRole = 'publish' | 'bind' | 'subscribe';

export interface KindPorts {
  /** Roles of edges this kind accepts as their target. */
  inputs: readonly PortRole[];
  /** The role of edges leaving this kind, or null when it has no outputs. */
  output: PortRole | null;
  /** How many outgoing edges it may have (null: any number). */
  maxOutputs: number | null;
}
