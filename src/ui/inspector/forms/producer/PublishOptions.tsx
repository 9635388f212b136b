import { CheckboxField } from '../../fields/CheckboxField';
import { FieldHint } from '../../fields/Field';
import { NumberField } from '../../fields/NumberField';
import { useForm } from '../../form';

const CONFIRMS = ['config', 'confirms'] as const;

/** Publisher confirms: off (null) or a window of unconfirmed messages (semantics.md A1.6). */
function Confirms() {
  const form = useForm();
  const on = form.get(CONFIRMS) !== null && form.get(CONFIRMS) !== undefined;
  return (
    <>
      <div className="field field-check">
        <label>
          <input type="checkbox" checked={on} data-path="config.confirms.on"
            onChange={(e) => form.set(CONFIRMS, e.target.checked ? { window: 100 } : null)} />
          Publisher confirms
        </label>
        <FieldHint hint="The broker confirms each message; beyond the window the producer waits." broker="RabbitMQ confirm.select" />
      </div>
      {on && <NumberField path={[...CONFIRMS, 'window']} label="Confirm window" unit="msgs" min={1} max={100_000}
        hint="The most messages published and not yet confirmed." />}
    </>
  );
}

/** How each message is published: persistence, mandatory, confirms, per-message TTL. */
export function PublishOptions() {
  return (
    <fieldset className="group">
      <legend>Publishing</legend>
      <CheckboxField path={['config', 'persistent']} label="Persistent"
        hint="On a durable queue it is written to disk and survives a restart." broker="AMQP delivery_mode 2" />
      <CheckboxField path={['config', 'mandatory']} label="Mandatory"
        hint="An unroutable message comes back to the publisher instead of being dropped." broker="AMQP basic.publish mandatory → basic.return" />
      <Confirms />
      <NumberField path={['config', 'expirationMs']} label="Expiration" unit="ms" min={0} step={100} empty="unset" placeholder="none"
        hint="Per-message TTL; the lower of this and the queue's TTL applies." broker="AMQP expiration property" />
    </fieldset>
  );
}
