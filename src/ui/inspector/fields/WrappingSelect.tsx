import type { SelectHTMLAttributes } from 'react';
import type { Choice } from './SelectField';

type NativeProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'children' | 'className'>;

/**
 * A select whose chosen option always reads whole: on more lines when it is longer than the select is wide, where a
 * native select cuts it ("c1 (consu", "producer-1--orders-queue (prod"). The native select lies transparent over a face
 * that shows the choice: it still takes the clicks, the keys and the screen reader (the face is aria-hidden), and
 * opens its own list. The face's text is the select's title too.
 */
export function WrappingSelect({ choices, value, ...select }: NativeProps & { choices: readonly Choice[]; value: string }) {
  const chosen = choices.find((c) => c.value === value)?.label ?? value;
  return (
    <span className="select-face">
      <span className="select-face-text" aria-hidden="true" data-select-face="">{chosen}</span>
      <select {...select} className="select-face-native" value={value} title={chosen}>
        {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
    </span>
  );
}
