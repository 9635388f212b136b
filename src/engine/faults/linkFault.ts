/** A link's current faults (semantics of the faults issue: added latency, jitter, loss, partition). */
export interface LinkFault {
  addMs: number;
  jitterMs: number;
  loss: number;
  partitioned: boolean;
}

export const noLinkFault = (): LinkFault => ({ addMs: 0, jitterMs: 0, loss: 0, partitioned: false });
