import { JsonField } from '../fields/JsonField';
import { useForm } from '../form';
import type { Path } from '../paths';

/** Policies people start from: exact values, a numeric range, prefix plus anything-but (semantics.md A2.5). */
export const POLICY_EXAMPLES: { name: string; policy: Record<string, unknown[]> }[] = [
  { name: 'one of', policy: { region: ['eu-west-1', 'eu-central-1'] } },
  { name: 'numeric range', policy: { price: [{ numeric: ['>=', 100, '<', 500] }] } },
  { name: 'prefix, anything-but', policy: { customer: [{ prefix: 'vip-' }], status: [{ 'anything-but': ['cancelled'] }] } },
];

interface PolicyEditorProps {
  path: Path;
  label: string;
  hint?: string;
  broker?: string;
  /** An empty box removes the policy (an optional field). */
  optional?: boolean;
}

/** An SNS-style filter policy as JSON, with the schema's errors inline and examples to start from. */
export function PolicyEditor({ path, label, hint, broker = 'SNS subscription filter policy (MessageAttributes)', optional = false }: PolicyEditorProps) {
  const form = useForm();
  return (
    <div className="policy-editor" data-testid={`policy-${path.join('.')}`}>
      <JsonField path={path} label={label} rows={4} emptyRemoves={optional} broker={broker}
        hint={hint ?? 'Header names to lists of allowed values or conditions; {} matches everything.'} />
      <div className="policy-examples">
        <span className="muted">Insert:</span>
        {POLICY_EXAMPLES.map((ex) => (
          <button key={ex.name} type="button" className="btn btn-small" title={JSON.stringify(ex.policy)}
            onClick={() => form.set(path, structuredClone(ex.policy))}>{ex.name}</button>
        ))}
      </div>
    </div>
  );
}
