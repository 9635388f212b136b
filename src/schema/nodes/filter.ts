import { z } from 'zod';
import { FilterPolicySchema } from '../filterPolicy';
import type { NodeKindSpec } from './spec';

export const FilterConfigSchema = z.strictObject({
  /**
   * EIP Message Filter (semantics.md A4): the predicate, written in the SNS filter-policy syntax (A2.5)
   * over message headers. It is data, never evaluated as code. `{}` lets everything through.
   */
  policy: FilterPolicySchema.default(() => ({})),
});

export const filterSpec = {
  kind: 'filter',
  label: 'Filter',
  description: 'Message Filter: passes messages whose headers match a policy; drops the rest or sends them to an invalid channel.',
  group: 'Routing',
  ports: { inputs: ['publish', 'bind'], outputs: ['publish'], maxOutputs: { publish: 1 } },
  config: FilterConfigSchema,
} as const satisfies NodeKindSpec;
