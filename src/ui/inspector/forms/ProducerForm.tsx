import { ArrivalEditor } from '../editors/ArrivalEditor';
import { DistributionEditor } from '../editors/DistributionEditor';
import { HeadersEditor } from '../editors/HeadersEditor';
import { RoutingKeysEditor } from '../editors/RoutingKeysEditor';
import { NumberField } from '../fields/NumberField';
import { FifoOptions } from './producer/FifoOptions';
import { PoisonOptions } from './producer/PoisonOptions';
import { PublishOptions } from './producer/PublishOptions';
import { RetryOptions } from './producer/RetryOptions';

export function ProducerForm() {
  return (
    <>
      <ArrivalEditor path={['config', 'arrival']} />
      <RoutingKeysEditor path={['config', 'routingKeys']} />
      <fieldset className="group">
        <legend>Messages</legend>
        <div className="field-pair">
          <NumberField path={['config', 'count']} label="Count" unit="msgs" min={1} empty="null" placeholder="no limit" />
          <NumberField path={['config', 'startAtMs']} label="Start at" unit="ms" min={0} step={100} />
        </div>
        <NumberField path={['config', 'priority']} label="Priority" min={0} max={255} empty="unset" placeholder="none (0–255)"
          broker="AMQP priority property" />
      </fieldset>
      <PublishOptions />
      <RetryOptions />
      <FifoOptions />
      <PoisonOptions />
      <DistributionEditor path={['config', 'sizeBytes']} label="Message size" unit="bytes" />
      <HeadersEditor path={['config', 'headers']} />
    </>
  );
}
