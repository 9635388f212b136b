import type { ScenarioNode } from '../../schema';
import type { SimContext } from '../model/context';
import type { NodeModel } from '../model/node';
import { AggregatorModel } from './aggregator/aggregator';
import { BrokerModel } from './broker';
import { ConsumerModel } from './consumer/consumer';
import { ExchangeModel } from './exchange';
import { FilterModel } from './filter';
import { ProducerModel } from './producer/producer';
import { RequesterModel } from './requester/requester';
import { QueueModel } from './queue/queue';
import { RouterModel } from './router';

type Factory<K extends ScenarioNode['kind']> = (index: number, node: Extract<ScenarioNode, { kind: K }>, ctx: SimContext) => NodeModel;

/** One factory per node kind. Adding a kind: write its module, add one line here. */
const factories: { [K in ScenarioNode['kind']]: Factory<K> } = {
  producer: (i, n, ctx) => new ProducerModel(i, n.id, n, ctx),
  exchange: (i, n, ctx) => new ExchangeModel(i, n.id, n, ctx),
  queue: (i, n, ctx) => new QueueModel(i, n.id, n, ctx),
  consumer: (i, n, ctx) => new ConsumerModel(i, n.id, n, ctx),
  filter: (i, n, ctx) => new FilterModel(i, n.id, n, ctx),
  router: (i, n, ctx) => new RouterModel(i, n.id, n, ctx),
  broker: (i, n, ctx) => new BrokerModel(i, n.id, n, ctx),
  requester: (i, n, ctx) => new RequesterModel(i, n.id, n, ctx),
  aggregator: (i, n, ctx) => new AggregatorModel(i, n.id, n, ctx),
};

export function createNodeModel(index: number, node: ScenarioNode, ctx: SimContext): NodeModel {
  const factory = factories[node.kind] as Factory<typeof node.kind>;
  return factory(index, node, ctx);
}
