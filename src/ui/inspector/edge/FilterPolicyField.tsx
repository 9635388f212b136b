import { PolicyEditor } from '../editors/PolicyEditor';
import { useForm } from '../form';

/** An optional subscription filter policy on an edge out of an exchange / topic (semantics.md A2.5). */
export function FilterPolicyField() {
  const form = useForm();
  const present = form.get(['filterPolicy']) !== undefined;
  return (
    <fieldset className="group">
      <legend>Subscription filter</legend>
      {!present && (
        <>
          <p className="field-hint">Without a policy, every message this edge would carry is delivered.</p>
          <button type="button" className="btn btn-small" onClick={() => form.set(['filterPolicy'], {})}>+ Add filter policy</button>
        </>
      )}
      {present && (
        <>
          <PolicyEditor path={['filterPolicy']} label="Filter policy" optional
            hint="A message whose headers do not match is not delivered along this edge; empty the box to remove." />
          <button type="button" className="btn btn-ghost btn-small" onClick={() => form.set(['filterPolicy'], undefined)}>Remove filter policy</button>
        </>
      )}
    </fieldset>
  );
}
