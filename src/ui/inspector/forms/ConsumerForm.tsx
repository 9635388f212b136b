import { DistributionEditor } from '../editors/DistributionEditor';
import { NumberField } from '../fields/NumberField';
import { SelectField } from '../fields/SelectField';

export function ConsumerForm() {
  return (
    <>
      <DistributionEditor path={['config', 'serviceTimeMs']} label="Service time" unit="ms" />
      <fieldset className="group">
        <legend>Delivery</legend>
        <div className="field-pair">
          <NumberField path={['config', 'concurrency']} label="Concurrency" unit="slots" min={1} max={1024} />
          <NumberField path={['config', 'prefetch']} label="Prefetch" unit="msgs" min={1} max={65535} />
        </div>
        <p className="field-hint">Prefetch (basic.qos) caps unacked deliveries held by this consumer.</p>
        <SelectField path={['config', 'ackMode']} label="Ack mode"
          choices={[{ value: 'manual', label: 'Manual: ack after processing' }, { value: 'auto', label: 'Auto: acked on delivery' }]} />
        <NumberField path={['config', 'failureProbability']} label="Failure probability" min={0} max={1} step={0.01}
          hint="Chance one message fails; manual ack nacks and requeues it." />
      </fieldset>
    </>
  );
}
