import type { ComponentType } from 'react';
import type { NodeKind } from '../../../schema';
import { AggregatorForm } from './AggregatorForm';
import { BrokerForm } from './BrokerForm';
import { ConsumerForm } from './ConsumerForm';
import { ExchangeForm } from './ExchangeForm';
import { FilterForm } from './FilterForm';
import { ProducerForm } from './ProducerForm';
import { QueueForm } from './QueueForm';
import { RequesterForm } from './RequesterForm';
import { RouterForm } from './RouterForm';

/** The config form of each node kind; a kind missing here is a type error. */
export const KIND_FORMS: Record<NodeKind, ComponentType> = {
  producer: ProducerForm,
  exchange: ExchangeForm,
  queue: QueueForm,
  consumer: ConsumerForm,
  filter: FilterForm,
  router: RouterForm,
  broker: BrokerForm,
  requester: RequesterForm,
  aggregator: AggregatorForm,
};
