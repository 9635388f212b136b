import { z } from 'zod';
import { FilterPolicySchema } from '../filterPolicy';
import { idString, text } from '../strings';
import type { NodeKindSpec } from './spec';

const RuleSchema = z.strictObject({
  name: text(80).optional(),
  /** The rule's condition over headers, SNS filter-policy syntax (A2.5). */
  when: FilterPolicySchema,
  /** Ids of connected nodes that get a copy when the rule matches. */
  to: z.array(idString()).min(1, { error: 'must name at least one target' }).max(100),
});

export const RouterConfigSchema = z.strictObject({
  /**
   * first: Content-Based Router, the first matching rule decides (EIP, A4);
   * all: Recipient List, every matching rule adds its targets, one copy per target.
   */
  mode: z.enum(['first', 'all'], { error: 'must be first or all' }).default('first'),
  rules: z.array(RuleSchema).max(100).default(() => []),
  /** Where a message goes when no rule matches; none: it is dropped as unroutable. */
  otherwise: z.array(idString()).max(100).default(() => []),
});

export const routerSpec = {
  kind: 'router',
  label: 'Router',
  description: 'Content-Based Router or Recipient List: ordered rules on headers, each sending a copy to chosen targets.',
  group: 'Routing',
  ports: { inputs: ['publish', 'bind'], outputs: ['publish'], maxOutputs: {} },
  config: RouterConfigSchema,
} as const satisfies NodeKindSpec;
