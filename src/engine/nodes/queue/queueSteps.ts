import type { EdgeRuntime } from '../../model/edge';
import type { Message } from '../../model/message';

/**
 * The steps of a queue's own flow that its channel helpers (channels.ts, settlements.ts) take on its behalf: they
 * stay in queue.ts, on its hot path, and the helpers are given them as closures (the queue's state stays its own).
 */
export interface QueueSteps {
  /** A delivery along `edge` is unacked no more: its prefetch slot is free (A1.5). */
  settle(edge: EdgeRuntime): void;
  /** A1.4 requeue (automatic on a channel close, or a nack's); A1.10 a quorum queue's delivery-limit on return. */
  returnToQueue(m: Message): void;
  /** Hands ready messages to consumers that can take them. */
  dispatch(): void;
  /** The same after messages came back: drop-head first or after, as the flavor does (A1.8). */
  dispatchAfterReturn(): void;
  /** `count` unacked deliveries are not the queue's to count any more (their channel closed). */
  releaseUnacked(count: number): void;
}
