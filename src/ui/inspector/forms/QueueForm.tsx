import type { QueueFlavor } from '../../../schema/nodes/queue';
import { CheckboxField } from '../fields/CheckboxField';
import { NumberField } from '../fields/NumberField';
import { SelectField } from '../fields/SelectField';
import { PermissionsEditor } from '../editors/PermissionsEditor';
import { useForm } from '../form';
import { switchQueueFlavor } from '../../document/queueFlavor';
import { ConsumerTimeout } from './queue/ConsumerTimeout';
import { DiskWrite } from './queue/DiskWrite';
import { FifoFields } from './queue/FifoFields';
import { queuePermissionLists, switchFlavor } from './queue/flavorFields';
import { QueueDeadLetter } from './queue/QueueDeadLetter';
import { QueueLimits } from './queue/QueueLimits';
import { QueuePlacement } from './queue/QueuePlacement';
import { SqsFields } from './queue/SqsFields';

const FLAVORS: { value: QueueFlavor; label: string; hint: string; broker: string }[] = [
  { value: 'classic', label: 'Classic (RabbitMQ)', hint: 'Round-robin to its consumers, each up to its prefetch; requeued messages keep their place.', broker: 'RabbitMQ x-queue-type: classic' },
  { value: 'quorum', label: 'Quorum (RabbitMQ)', hint: 'Replicated and always durable; a message returned too often is dead-lettered.', broker: 'RabbitMQ x-queue-type: quorum' },
  { value: 'sqs', label: 'SQS', hint: 'Consumers receive; a message not deleted in time becomes visible again. Standard, or FIFO below.', broker: 'Amazon SQS queue (standard or FIFO)' },
];

export function QueueForm() {
  const form = useForm();
  const flavor = (form.get(['config', 'flavor']) ?? 'classic') as QueueFlavor;
  const about = FLAVORS.find((f) => f.value === flavor) ?? FLAVORS[0]!;
  // Consumers follow the flavor (SQS is polled); when the document still refuses it, the form shows why.
  const choose = (next: string) => {
    const id = String(form.get(['id']) ?? '');
    if (!switchQueueFlavor(id, next as QueueFlavor).ok) form.set(['config'], switchFlavor((form.get(['config']) ?? {}) as Record<string, unknown>, next as QueueFlavor));
  };
  return (
    <>
      <fieldset className="group">
        <legend>Queue</legend>
        <SelectField path={['config', 'flavor']} label="Flavor" choices={FLAVORS} onChoose={choose} hint={about.hint} broker={about.broker} />
        {flavor === 'classic' && (
          <>
            <CheckboxField path={['config', 'durable']} label="Durable" defaultValue
              hint="Persistent messages survive a broker restart (written to disk)." broker="RabbitMQ queue.declare durable" />
            <NumberField path={['config', 'maxPriority']} label="Max priority" min={0} max={255} empty="unset" placeholder="none (FIFO)"
              hint="Priorities 0…max, higher first, FIFO within one." broker="RabbitMQ x-max-priority (classic queues)" />
          </>
        )}
        {flavor === 'quorum' && <p className="field-hint">Quorum queues are always durable. Up to RabbitMQ 4.2 they have two priority levels: 0–4 normal, 5 and above high, delivered 2:1 (4.3: 32 strict levels).</p>}
      </fieldset>
      {flavor !== 'sqs' && <QueueLimits flavor={flavor} />}
      {flavor !== 'sqs' && <ConsumerTimeout />}
      <QueueDeadLetter flavor={flavor} />
      {flavor === 'sqs' && <SqsFields />}
      {flavor === 'sqs' && <FifoFields />}
      {flavor !== 'sqs' && <DiskWrite />}
      {flavor !== 'sqs' && <QueuePlacement flavor={flavor} />}
      <PermissionsEditor lists={queuePermissionLists(flavor)} />
    </>
  );
}
