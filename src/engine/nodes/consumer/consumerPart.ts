import type { NodeOf } from '../../../schema';
import type { SimContext } from '../../model/context';
import type { ConsumerCounters } from './consumerCounters';

export type ConsumerConfig = NodeOf<'consumer'>['config'];

/**
 * What a part of a consumer kept in its own module (its calls, its settling of failures) knows of the
 * consumer: its id and index (trail, events, audit), its config, its counters and the simulation.
 */
export abstract class ConsumerPart {
  constructor(
    protected readonly id: string,
    protected readonly index: number,
    protected readonly config: ConsumerConfig,
    protected readonly n: ConsumerCounters,
    protected readonly ctx: SimContext,
  ) {}
}
