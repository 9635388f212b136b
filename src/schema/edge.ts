import { z } from 'zod';
import { FilterPolicySchema } from './filterPolicy';
import { num } from './numbers';
import { headerValue, idString, routingKey } from './strings';

/** semantics.md A1.3: any other x-match value fails the binding with binding_invalid. */
export const X_MATCH = ['all', 'any', 'all-with-x', 'any-with-x'] as const;

/** The roles an edge may choose when its ends allow several (connections.ts `edgeRole`). */
export const CHOSEN_ROLES = ['alternate', 'bind'] as const;

export const EdgeConfigSchema = z.strictObject({
  /**
   * On an exchange → exchange edge: `bind` makes it an exchange-to-exchange binding (semantics.md A1.1.6), with a
   * binding key or headers arguments like any binding; left out (or `alternate`), it is the alternate exchange (A1.1.7).
   */
  role: z.enum(CHOSEN_ROLES, { error: 'must be bind or alternate' }).optional(),
  /** Binding key on a binding (exchange → queue, or exchange → exchange with role bind); ignored by fanout exchanges (semantics.md A1.1). */
  bindingKey: routingKey().optional(),
  /** A1.3 headers exchange: how the binding arguments must match (missing means all). */
  xMatch: z.enum(X_MATCH, { error: 'must be all, any, all-with-x or any-with-x (RabbitMQ refuses other values with binding_invalid)' }).optional(),
  /** A1.3 headers exchange binding arguments; null tests only that the header is present. */
  bindingArgs: z.record(z.string().min(1).max(255), headerValue.nullable()).refine((a) => Object.keys(a).length <= 64, { error: 'must have at most 64 arguments' }).optional(),
  /** A2.5 SNS subscription filter policy on an edge out of an exchange / topic; a message it refuses is not delivered there. */
  filterPolicy: FilterPolicySchema.optional(),
  /** On a publish edge: replaces the routing key of every message sent along it. */
  routingKey: routingKey().optional(),
  /** On an edge out of a filter: `invalid` makes it the Invalid Message Channel for refused messages. */
  channel: z.enum(['invalid'], { error: 'must be invalid (or left out)' }).optional(),
  /** Network delay along the edge, in ms. */
  delayMs: num({ min: 0, max: 3_600_000 }).default(0),
});

export const EdgeSchema = z.strictObject({
  id: idString(),
  source: idString(),
  target: idString(),
  config: EdgeConfigSchema.default(() => ({ delayMs: 0 })),
});

export type ScenarioEdge = z.output<typeof EdgeSchema>;
export type EdgeConfig = z.output<typeof EdgeConfigSchema>;
