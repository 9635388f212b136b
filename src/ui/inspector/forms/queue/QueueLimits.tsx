import type { QueueFlavor } from '../../../../schema/nodes/queue';
import { FieldHint } from '../../fields/Field';
import { NumberField } from '../../fields/NumberField';
import { SelectField } from '../../fields/SelectField';

const OVERFLOW = [
  { value: 'drop-head', label: 'drop-head: drop (or dead-letter) the oldest' },
  { value: 'reject-publish', label: 'reject-publish: refuse new messages' },
  { value: 'reject-publish-dlx', label: 'reject-publish-dlx: refuse and dead-letter' },
];

/** RabbitMQ TTL and length limits (semantics.md A1.7, A1.8). */
export function QueueLimits({ flavor }: { flavor: QueueFlavor }) {
  const choices = flavor === 'quorum' ? OVERFLOW.filter((o) => o.value !== 'reject-publish-dlx') : OVERFLOW;
  return (
    <fieldset className="group">
      <legend>TTL and limits</legend>
      <NumberField path={['config', 'messageTtlMs']} label="Message TTL" unit="ms" min={0} step={100} empty="unset" placeholder="none"
        hint="A message older than this expires at the head of the queue." broker="RabbitMQ x-message-ttl" />
      <div className="field-pair">
        <NumberField path={['config', 'maxLength']} label="Max length" unit="msgs" min={0} empty="unset" placeholder="none" />
        <NumberField path={['config', 'maxLengthBytes']} label="Max bytes" unit="B" min={0} empty="unset" placeholder="none" />
      </div>
      <FieldHint hint="Limits count ready messages only; unacked ones do not count." broker="RabbitMQ x-max-length, x-max-length-bytes" />
      <SelectField path={['config', 'overflow']} label="At the limit" choices={choices} unset="default: drop-head"
        hint="What happens when a publish would go over a length limit (under drop-head, a requeue that goes over it too)." broker="RabbitMQ x-overflow" />
    </fieldset>
  );
}
