import { z } from 'zod';
import { AggregatorConfigSchema } from './nodes/aggregator';
import { BrokerConfigSchema } from './nodes/broker';
import { ConsumerConfigSchema } from './nodes/consumer';
import { ExchangeConfigSchema } from './nodes/exchange';
import { FilterConfigSchema } from './nodes/filter';
import { ProducerConfigSchema } from './nodes/producer';
import { QueueConfigSchema } from './nodes/queue';
import { RequesterConfigSchema } from './nodes/requester';
import { RouterConfigSchema } from './nodes/router';
import { num } from './numbers';
import { idString, text } from './strings';

const coordinate = () => num({ min: -1e6, max: 1e6 });
export const PositionSchema = z.strictObject({ x: coordinate(), y: coordinate() });

// Defaults are functions so that every parse gets fresh nested objects: zod copies a default value
// only one level deep, and a shared nested object mutated by one caller would change every later parse.
const base = {
  id: idString(),
  label: text(80).optional(),
  position: PositionSchema.default(() => ({ x: 0, y: 0 })),
};

export const NodeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...base, kind: z.literal('producer'), config: ProducerConfigSchema.default(() => ProducerConfigSchema.parse({})) }),
  z.strictObject({ ...base, kind: z.literal('exchange'), config: ExchangeConfigSchema.default(() => ExchangeConfigSchema.parse({})) }),
  z.strictObject({ ...base, kind: z.literal('queue'), config: QueueConfigSchema.default(() => QueueConfigSchema.parse({})) }),
  z.strictObject({ ...base, kind: z.literal('consumer'), config: ConsumerConfigSchema.default(() => ConsumerConfigSchema.parse({})) }),
  z.strictObject({ ...base, kind: z.literal('filter'), config: FilterConfigSchema.default(() => FilterConfigSchema.parse({})) }),
  z.strictObject({ ...base, kind: z.literal('router'), config: RouterConfigSchema.default(() => RouterConfigSchema.parse({})) }),
  z.strictObject({ ...base, kind: z.literal('broker'), config: BrokerConfigSchema.default(() => BrokerConfigSchema.parse({})) }),
  z.strictObject({ ...base, kind: z.literal('requester'), config: RequesterConfigSchema.default(() => RequesterConfigSchema.parse({})) }),
  z.strictObject({ ...base, kind: z.literal('aggregator'), config: AggregatorConfigSchema.default(() => AggregatorConfigSchema.parse({})) }),
]);

export type ScenarioNode = z.output<typeof NodeSchema>;
export type NodeOf<K extends ScenarioNode['kind']> = Extract<ScenarioNode, { kind: K }>;
export type ProducerConfig = z.output<typeof ProducerConfigSchema>;
export type ExchangeConfig = z.output<typeof ExchangeConfigSchema>;
export type QueueConfig = z.output<typeof QueueConfigSchema>;
export type ConsumerConfig = z.output<typeof ConsumerConfigSchema>;
export type FilterConfig = z.output<typeof FilterConfigSchema>;
export type RouterConfig = z.output<typeof RouterConfigSchema>;
export type BrokerConfig = z.output<typeof BrokerConfigSchema>;
export type RequesterConfig = z.output<typeof RequesterConfigSchema>;
export type AggregatorConfig = z.output<typeof AggregatorConfigSchema>;
