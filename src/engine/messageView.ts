import type { MessageView } from './api';
import type { Message } from './model/message';
import { trailView, type HopEvents } from './model/trail';

/** What a trail's numbers stand for: node ids by index, the run's hop events. */
export interface TrailNames {
  readonly nodeIds: readonly string[];
  readonly hopEvents: HopEvents;
}

/** A copy of what the message inspector shows; the engine's message object is never handed out. */
export function messageView(m: Message, state: string, names: TrailNames): MessageView {
  return {
    id: m.id, routingKey: m.routingKey, headers: { ...m.headers }, priority: m.priority < 0 ? null : m.priority,
    sizeBytes: m.sizeBytes, persistent: m.persistent, poison: m.poison, redelivered: m.redelivered,
    deliveryCount: m.deliveryCount, receiveCount: m.receiveCount, publishedAtMs: m.publishedAt, enqueuedAtMs: m.enqueuedAt,
    expiresAtMs: Number.isFinite(m.expiresAt) ? m.expiresAt : null,
    deaths: (m.deaths ?? []).map((d) => ({ ...d, routingKeys: [...d.routingKeys] })),
    trail: trailView(m.trail, names.nodeIds, names.hopEvents),
    state,
    publisher: m.publisher, replyTo: m.replyTo, correlationId: m.correlationId, groupId: m.groupId, dedupId: m.dedupId, corrupt: m.corrupt,
  };
}
