/** A link's current faults (semantics of the faults issue: added latency, jitter, loss, partition, corruption). */
export interface LinkFault {
  addMs: number;
  jitterMs: number;
  loss: number;
  partitioned: boolean;
  /** Probability that a message along the link is damaged (message.corrupt), for a checksum to detect. */
  corrupt: number;
}

export const noLinkFault = (): LinkFault => ({ addMs: 0, jitterMs: 0, loss: 0, partitioned: false, corrupt: 0 });
