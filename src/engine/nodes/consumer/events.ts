/**
 * The consumer's event types (the `type` of ctx.schedule → handle): shared by ConsumerModel, which
 * dispatches them, and the helpers that schedule them (polling, calls).
 */
export const EV_DONE = 1;
export const EV_POLL = 2;
export const EV_OFFLINE = 3;
export const EV_ONLINE = 4;
export const EV_CALL_TIMEOUT = 5;
