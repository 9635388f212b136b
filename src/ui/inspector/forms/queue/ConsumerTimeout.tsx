import { NumberField } from '../../fields/NumberField';

/** RabbitMQ's consumer delivery-ack timeout (semantics.md A1.4): how long a consumer may hold a delivery unacked. */
export function ConsumerTimeout() {
  return (
    <fieldset className="group">
      <legend>Consumer timeout</legend>
      <NumberField path={['config', 'consumerTimeoutMs']} label="Ack timeout" unit="ms" min={1} step={60_000} empty="unset" placeholder="1800000 (30 min, default)"
        hint="A consumer holding a delivery unacked longer (prefetched ones count) has its channel closed: everything it held is requeued, and the ack of what it was still processing fails. Checked on the channel's tick, once a minute. As up to RabbitMQ 4.2; 4.3 keeps it for quorum queues only."
        broker="RabbitMQ consumer_timeout, x-consumer-timeout" />
    </fieldset>
  );
}
