import { DISTRIBUTION_TYPES, type Distribution } from '../../../schema';
import { SelectField } from '../fields/SelectField';
import { NumberField } from '../fields/NumberField';
import { ListOfNumbersField } from './ListOfNumbersField';
import { useForm } from '../form';
import type { Path } from '../paths';

const LABELS: Record<Distribution['type'], string> = {
  constant: 'Constant', uniform: 'Uniform', exponential: 'Exponential', normal: 'Normal (≥ 0)', lognormal: 'Log-normal', list: 'List of values',
};

/** A typical value of the current distribution, carried over when its type changes. */
function typical(d: Partial<Record<string, unknown>>): number {
  const pick = [d.mean, d.value, typeof d.min === 'number' && typeof d.max === 'number' ? (d.min + d.max) / 2 : undefined,
    Array.isArray(d.values) ? d.values[0] : undefined].find((v) => typeof v === 'number' && v > 0);
  return typeof pick === 'number' ? pick : 10;
}

export function switchDistribution(current: unknown, type: string): Distribution {
  const c = typical((current ?? {}) as Record<string, unknown>);
  switch (type as Distribution['type']) {
    case 'constant': return { type: 'constant', value: c };
    case 'uniform': return { type: 'uniform', min: c / 2, max: c * 1.5 };
    case 'normal': return { type: 'normal', mean: c, stdDev: c / 4 };
    case 'lognormal': return { type: 'lognormal', mean: c, stdDev: c / 2 };
    case 'list': return { type: 'list', values: [c], pick: 'cycle' };
    default: return { type: 'exponential', mean: c };
  }
}

/** A random quantity with a type selector and the fields of that type, in `unit`. */
export function DistributionEditor({ path, label, unit }: { path: Path; label: string; unit: string }) {
  const form = useForm();
  const type = form.get([...path, 'type']) as Distribution['type'] | undefined;
  const at = (k: string) => [...path, k];
  return (
    <fieldset className="group">
      <legend>{label}</legend>
      <SelectField path={at('type')} label="Distribution" choices={DISTRIBUTION_TYPES.map((t) => ({ value: t, label: LABELS[t] }))}
        onChoose={(t) => form.set(path, switchDistribution(form.get(path), t))} />
      {form.errorsAt(path).map((e) => <p key={e} className="field-errors">{e}</p>)}
      {type === 'constant' && <NumberField path={at('value')} label="Value" unit={unit} min={0} />}
      {type === 'uniform' && (
        <div className="field-pair">
          <NumberField path={at('min')} label="Min" unit={unit} min={0} />
          <NumberField path={at('max')} label="Max" unit={unit} min={0} />
        </div>
      )}
      {type === 'exponential' && <NumberField path={at('mean')} label="Mean" unit={unit} min={0} hint="Memoryless: many short, a few long." />}
      {(type === 'normal' || type === 'lognormal') && (
        <div className="field-pair">
          <NumberField path={at('mean')} label="Mean" unit={unit} min={0}
            hint={type === 'normal'
              ? 'Of the normal before truncation: negative draws are redrawn, so a wide spread raises the mean.'
              : 'Mean and std dev of the value itself, not of its logarithm.'} />
          <NumberField path={at('stdDev')} label="Std dev" unit={unit} min={0} />
        </div>
      )}
      {type === 'list' && (
        <>
          <ListOfNumbersField path={at('values')} label="Values" unit={unit} />
          <SelectField path={at('pick')} label="Pick" choices={[{ value: 'cycle', label: 'In order, cycling' }, { value: 'random', label: 'At random, each equally likely' }]} />
        </>
      )}
    </fieldset>
  );
}
