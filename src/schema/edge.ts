import { z } from 'zod';
import { num } from './numbers';
import { idString, routingKey } from './strings';

export const EdgeConfigSchema = z.strictObject({
  /** Binding key on an exchange → queue edge; ignored by fanout exchanges (semantics.md A1.1). */
  bindingKey: routingKey().optional(),
  /** On a publish edge: replaces the routing key of every message sent along it. */
  routingKey: routingKey().optional(),
  /** Network delay along the edge, in ms. */
  delayMs: num({ min: 0, max: 3_600_000 }).default(0),
});

export const EdgeSchema = z.strictObject({
  id: idString(),
  source: idString(),
  target: idString(),
  config: EdgeConfigSchema.default({ delayMs: 0 }),
});

export type ScenarioEdge = z.output<typeof EdgeSchema>;
export type EdgeConfig = z.output<typeof EdgeConfigSchema>;
