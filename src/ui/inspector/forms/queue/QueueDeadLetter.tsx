import type { QueueFlavor } from '../../../../schema/nodes/queue';
import { NumberField } from '../../fields/NumberField';
import { TextField } from '../../fields/TextField';

const CONNECT = 'Draw an edge from this queue to an exchange (a DLX) or to a queue to choose where dead letters go.';

/** Where and when messages are dead-lettered: RabbitMQ DLX (A1.9, A1.10) or an SQS redrive policy (A2.2). */
export function QueueDeadLetter({ flavor }: { flavor: QueueFlavor }) {
  return (
    <fieldset className="group">
      <legend>Dead-lettering</legend>
      <p className="field-hint">{flavor === 'sqs' ? 'Draw an edge from this queue to another queue: its dead-letter queue.' : CONNECT}</p>
      {flavor === 'quorum' && (
        <NumberField path={['config', 'deliveryLimit']} label="Delivery limit" min={-1} max={1_000_000} empty="unset" placeholder="20 (default)"
          hint="A message returned more often than this is dead-lettered (dropped with no target); −1: no limit. Every return counts, as up to RabbitMQ 4.2; 4.3 does not count a nack." broker="RabbitMQ quorum x-delivery-limit" />
      )}
      {flavor !== 'sqs' && (
        <TextField path={['config', 'deadLetterRoutingKey']} label="Dead-letter routing key" mono emptyRemoves placeholder="(keep the message's key)"
          hint="Replaces the routing key of dead-lettered messages." broker="RabbitMQ x-dead-letter-routing-key" />
      )}
      {flavor === 'sqs' && (
        <NumberField path={['config', 'maxReceiveCount']} label="Max receive count" min={1} max={1000} empty="unset" placeholder="no redrive"
          hint="The receive after this many moves the message to the dead-letter queue." broker="SQS RedrivePolicy maxReceiveCount" />
      )}
    </fieldset>
  );
}
