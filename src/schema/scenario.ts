import { z } from 'zod';
import { EdgeSchema } from './edge';
import { FaultsSchema } from './faults';
import { NodeSchema } from './node';
import { num, seedNumber, timeMs } from './numbers';
import { text } from './strings';
import { topologyIssues } from './topology';

export const SCENARIO_VERSION = 3;
export const MAX_NODES = 2000;
export const MAX_EDGES = 5000;

export const WorkloadSchema = z.strictObject({
  /** Multiplies every producer's rate: "what happens at twice the load?" without editing each one. */
  rateMultiplier: num({ min: 0, minExclusive: true, max: 1000 }).default(1),
  /** Latency samples before this simulated time are left out of the percentiles (warm-up). */
  warmupMs: timeMs().default(0),
});

export const MetricsSchema = z.strictObject({
  /** Simulated interval between time-series samples for the charts. */
  sampleIntervalMs: num({ min: 10, max: 3_600_000 }).default(250),
});


export const ScenarioSchema = z.strictObject({
  /** Lets editors find the JSON Schema (public/scenario.schema.json); ignored by Brokerlab. */
  $schema: z.string().max(2000).optional(),
  version: z.literal(SCENARIO_VERSION),
  name: text(200).default('Untitled scenario'),
  description: text(4000).default(''),
  seed: seedNumber().default(1),
  durationMs: timeMs({ min: 0, minExclusive: true }).default(60_000),
  workload: WorkloadSchema.default(WorkloadSchema.parse({})),
  metrics: MetricsSchema.default(MetricsSchema.parse({})),
  faults: FaultsSchema.default([]),
  nodes: z.array(NodeSchema, { error: 'must be a list of nodes' }).max(MAX_NODES, { error: `must hold at most ${MAX_NODES} nodes` }),
  edges: z.array(EdgeSchema, { error: 'must be a list of edges' }).max(MAX_EDGES, { error: `must hold at most ${MAX_EDGES} edges` }).default([]),
}).superRefine((doc, ctx) => {
  for (const issue of topologyIssues(doc)) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, params: { code: issue.code } });
  }
});

export type Scenario = z.output<typeof ScenarioSchema>;
/** What a person may write: every field with a default may be left out. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
