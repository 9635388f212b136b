import { DistributionEditor } from '../../editors/DistributionEditor';
import { FieldHint } from '../../fields/Field';
import { useForm } from '../../form';

const PATH = ['config', 'diskWriteMs'] as const;

/** Time to write a persistent message before confirming it; unset means the engine's 1 ms. */
export function DiskWrite() {
  const form = useForm();
  const set = form.get(PATH) !== undefined;
  return (
    <fieldset className="group">
      <legend>Disk</legend>
      <div className="field field-check">
        <label>
          <input type="checkbox" checked={set} data-path="config.diskWriteMs.custom"
            onChange={(e) => form.set(PATH, e.target.checked ? { type: 'constant', value: 1 } : undefined)} />
          Custom disk write time
        </label>
        <FieldHint hint="Persistent messages on a durable queue are written before the publisher is confirmed; default 1 ms."
          broker="RabbitMQ message store fsync" />
      </div>
      {set && <DistributionEditor path={PATH} label="Disk write time" unit="ms" />}
    </fieldset>
  );
}
