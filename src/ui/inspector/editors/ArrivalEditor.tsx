import type { ProducerConfig } from '../../../schema';
import { CheckboxField } from '../fields/CheckboxField';
import { JsonField } from '../fields/JsonField';
import { NumberField } from '../fields/NumberField';
import { SelectField } from '../fields/SelectField';
import { useForm } from '../form';
import type { Path } from '../paths';

type Arrival = ProducerConfig['arrival'];

const CHOICES: { value: Arrival['type']; label: string }[] = [
  { value: 'constant', label: 'Steady rate' },
  { value: 'poisson', label: 'Poisson (random arrivals)' },
  { value: 'onOff', label: 'On/off bursts' },
  { value: 'ramp', label: 'Ramp' },
  { value: 'script', label: 'Script (exact times)' },
];

/** A new arrival process of `type`, keeping the current rate where it can. */
export function switchArrival(current: unknown, type: string): Arrival {
  const c = (current ?? {}) as Record<string, unknown>;
  const rate = [c.ratePerSec, c.toRatePerSec].find((v): v is number => typeof v === 'number' && v > 0) ?? 10;
  switch (type as Arrival['type']) {
    case 'constant': return { type: 'constant', ratePerSec: rate };
    case 'onOff': return { type: 'onOff', ratePerSec: rate, onMs: 1000, offMs: 1000, poisson: false };
    case 'ramp': return { type: 'ramp', fromRatePerSec: 0, toRatePerSec: rate, rampMs: 30_000, poisson: false };
    case 'script': return { type: 'script', messages: [{ atMs: 0 }, { atMs: 100 }, { atMs: 200 }] };
    default: return { type: 'poisson', ratePerSec: rate };
  }
}

export function ArrivalEditor({ path }: { path: Path }) {
  const form = useForm();
  const type = form.get([...path, 'type']) as Arrival['type'] | undefined;
  const at = (k: string) => [...path, k];
  return (
    <fieldset className="group">
      <legend>Arrivals</legend>
      <SelectField path={at('type')} label="Process" choices={CHOICES} onChoose={(t) => form.set(path, switchArrival(form.get(path), t))} />
      {form.errorsAt(path).map((e) => <p key={e} className="field-errors">{e}</p>)}
      {(type === 'constant' || type === 'poisson' || type === 'onOff') && (
        <NumberField path={at('ratePerSec')} label={type === 'onOff' ? 'Rate while on' : 'Rate'} unit="msg/s" min={0} max={10_000_000} />
      )}
      {type === 'onOff' && (
        <>
          <div className="field-pair">
            <NumberField path={at('onMs')} label="On for" unit="ms" min={0} step={100} />
            <NumberField path={at('offMs')} label="Off for" unit="ms" min={0} step={100} hint="Fixed periods; on average rate × on / (on + off)." />
          </div>
          <CheckboxField path={at('poisson')} label="Poisson arrivals while on" />
        </>
      )}
      {type === 'ramp' && (
        <>
          <div className="field-pair">
            <NumberField path={at('fromRatePerSec')} label="From" unit="msg/s" min={0} />
            <NumberField path={at('toRatePerSec')} label="To" unit="msg/s" min={0} />
          </div>
          <NumberField path={at('rampMs')} label="Over" unit="ms" min={0} step={1000} />
          <CheckboxField path={at('poisson')} label="Poisson arrivals" />
        </>
      )}
      {type === 'script' && (
        <JsonField path={at('messages')} label="Messages"
          hint='A list like [{"atMs": 0, "routingKey": "a"}]; also headers, priority, sizeBytes, and groupId / deduplicationId (SQS FIFO MessageGroupId / MessageDeduplicationId, A2.3).' />
      )}
    </fieldset>
  );
}
