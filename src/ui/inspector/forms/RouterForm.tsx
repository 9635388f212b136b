import { useDocumentStore } from '../../document/documentStore';
import { PolicyEditor } from '../editors/PolicyEditor';
import { TargetPicker, type Target } from '../editors/TargetPicker';
import { SelectField } from '../fields/SelectField';
import { TextField } from '../fields/TextField';
import { useForm } from '../form';

const MODES = [
  { value: 'first', label: 'First match (Content-Based Router)' },
  { value: 'all', label: 'Every match (Recipient List)' },
];

/** The nodes this router has edges to, in edge order. */
function useTargets(routerId: string): Target[] {
  const scenario = useDocumentStore((s) => s.scenario);
  return scenario.edges.filter((e) => e.source === routerId).map((e) => {
    const node = scenario.nodes.find((n) => n.id === e.target);
    return { id: e.target, label: node?.label ? `${node.label} (${e.target})` : e.target };
  });
}

interface Rule { name?: string; when: unknown; to: string[] }

function RuleCard({ index, count, targets }: { index: number; count: number; targets: Target[] }) {
  const form = useForm();
  const rules = (form.get(['config', 'rules']) ?? []) as Rule[];
  const at = (...rest: (string | number)[]) => ['config', 'rules', index, ...rest];
  const move = (to: number) => {
    const next = [...rules];
    const [rule] = next.splice(index, 1);
    next.splice(to, 0, rule!);
    form.set(['config', 'rules'], next);
  };
  return (
    <div className="rule" data-testid={`router-rule-${index}`}>
      <div className="rule-head">
        <span>Rule {index + 1}</span><span className="spacer" />
        <button type="button" className="btn btn-ghost btn-small" aria-label={`Move rule ${index + 1} up`} disabled={index === 0} onClick={() => move(index - 1)}>↑</button>
        <button type="button" className="btn btn-ghost btn-small" aria-label={`Move rule ${index + 1} down`} disabled={index === count - 1} onClick={() => move(index + 1)}>↓</button>
        <button type="button" className="btn btn-ghost btn-small" aria-label={`Remove rule ${index + 1}`}
          onClick={() => form.set(['config', 'rules'], rules.filter((_, i) => i !== index))}>×</button>
      </div>
      <TextField path={at('name')} label="Name" emptyRemoves placeholder="(optional)" />
      <PolicyEditor path={at('when')} label="When" broker="EIP router rule, SNS filter-policy syntax" />
      <TargetPicker path={at('to')} targets={targets} label="Send to" />
    </div>
  );
}

export function RouterForm() {
  const form = useForm();
  const targets = useTargets(String(form.get(['id']) ?? ''));
  const rules = (form.get(['config', 'rules']) ?? []) as Rule[];
  const add = () => form.set(['config', 'rules'], [...rules, { when: {}, to: targets.slice(0, 1).map((t) => t.id) }]);
  return (
    <>
      <fieldset className="group">
        <legend>Routing</legend>
        <SelectField path={['config', 'mode']} label="Mode" choices={MODES} broker="Enterprise Integration Patterns"
          hint={form.get(['config', 'mode']) === 'all' ? 'Every matching rule adds its targets; each target gets one copy.' : 'Rules are tried in order; the first that matches decides.'} />
      </fieldset>
      <fieldset className="group">
        <legend>Rules</legend>
        {form.errorsAt(['config', 'rules']).map((e) => <p key={e} className="field-errors">{e}</p>)}
        {rules.length === 0 && <p className="field-hint">No rules: every message goes to the otherwise targets.</p>}
        {rules.map((_, i) => <RuleCard key={i} index={i} count={rules.length} targets={targets} />)}
        <button type="button" className="btn btn-small" style={{ marginTop: 8 }} onClick={add}>+ Add rule</button>
      </fieldset>
      <fieldset className="group">
        <legend>Otherwise</legend>
        <TargetPicker path={['config', 'otherwise']} targets={targets} label="When no rule matches, send to" />
        <p className="field-hint">None chosen: an unmatched message is dropped as unroutable.</p>
      </fieldset>
    </>
  );
}
