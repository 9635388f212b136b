/**
 * The consumer's event types (the `type` of ctx.schedule → handle): shared by ConsumerModel, which
 * dispatches them, and the helpers that schedule them (polling, calls).
 */
export const EV_DONE = 1;
export const EV_POLL = 2;
export const EV_OFFLINE = 3;
export const EV_ONLINE = 4;
export const EV_CALL_TIMEOUT = 5;
/** A poll request reaches the queue, and the queue's answer reaches the consumer, across a link with a delay. */
export const EV_POLL_ARRIVES = 6;
export const EV_POLL_ANSWERED = 7;
