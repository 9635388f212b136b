import { DistributionEditor } from '../editors/DistributionEditor';
import { OfflineWindowsEditor } from '../editors/OfflineWindowsEditor';
import { NumberField } from '../fields/NumberField';
import { SelectField } from '../fields/SelectField';
import { useForm } from '../form';
import { IdempotentField } from './consumer/IdempotentField';
import { RequestReplyOptions } from './consumer/RequestReplyOptions';

const DELIVERY = [{ value: 'push', label: 'Push: the broker delivers' }, { value: 'pull', label: 'Pull: the consumer polls' }];
const ACK = [{ value: 'manual', label: 'Manual: ack after processing' }, { value: 'auto', label: 'Auto: acked on delivery' }];
const ON_FAILURE = [{ value: 'requeue', label: 'Nack and requeue' }, { value: 'reject', label: 'Reject (dead-letter or discard)' }];

function PullFields() {
  return (
    <>
      <div className="field-pair">
        <NumberField path={['config', 'pollIntervalMs']} label="Poll interval" unit="ms" min={0} max={3_600_000} step={10}
          broker="between empty polls" />
        <NumberField path={['config', 'waitTimeMs']} label="Wait time" unit="ms" min={0} max={20_000} step={1000}
          broker="SQS WaitTimeSeconds" />
      </div>
      <p className="field-hint">Wait time &gt; 0 is long polling: an empty poll waits for a message that long (0–20 s).</p>
      <NumberField path={['config', 'batchSize']} label="Batch size" unit="msgs" min={1} max={10}
        hint="The most messages one poll returns." broker="SQS MaxNumberOfMessages (basic.get: 1)" />
    </>
  );
}

export function ConsumerForm() {
  const form = useForm();
  const pull = form.get(['config', 'delivery']) === 'pull';
  const manual = form.get(['config', 'ackMode']) !== 'auto';
  return (
    <>
      <DistributionEditor path={['config', 'serviceTimeMs']} label="Service time" unit="ms" />
      <fieldset className="group">
        <legend>Delivery</legend>
        <SelectField path={['config', 'delivery']} label="Delivery" choices={DELIVERY}
          hint={pull ? 'The consumer asks the queue for messages.' : 'The queue sends messages as the prefetch allows.'}
          broker={pull ? 'basic.get / SQS ReceiveMessage' : 'RabbitMQ basic.consume'} />
        <div className="field-pair">
          <NumberField path={['config', 'concurrency']} label="Concurrency" unit="slots" min={1} max={1024} />
          {!pull && <NumberField path={['config', 'prefetch']} label="Prefetch" unit="msgs" min={1} max={65535} />}
        </div>
        {!pull && <p className="field-hint">{manual ? 'Caps unacked deliveries held by this consumer.' : 'No limit under auto-ack: the queue sends as fast as it can.'} <span className="field-broker">RabbitMQ basic.qos prefetch_count</span></p>}
        {pull && <PullFields />}
      </fieldset>
      <fieldset className="group">
        <legend>Acks and failures</legend>
        <SelectField path={['config', 'ackMode']} label="Ack mode" choices={ACK}
          hint={manual ? 'A message stays unacked until processed.' : 'A failure or going offline loses the message.'} broker="RabbitMQ basic.consume no-ack" />
        <NumberField path={['config', 'failureProbability']} label="Failure probability" min={0} max={1} step={0.01}
          hint="Chance one message fails. Poison messages always fail." />
        {manual && (
          <SelectField path={['config', 'onFailure']} label="On failure" choices={ON_FAILURE}
            hint="Requeue puts it back; reject sends it to the dead-letter target, or drops it. SQS: it reappears after the visibility timeout."
            broker="RabbitMQ basic.nack requeue / basic.reject" />
        )}
        <IdempotentField />
      </fieldset>
      <RequestReplyOptions />
      <OfflineWindowsEditor path={['config', 'offline']} />
    </>
  );
}
