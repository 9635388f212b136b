import { useDocumentStore } from '../../../document/documentStore';
import { Field } from '../../fields/Field';
import { useForm } from '../../form';
import { replyTargets } from './replyTargets';

const PATH = ['config', 'replyTo'] as const;
const SELF = '';

/** The Return Address put on each request: the requester itself, an aggregator, or a queue it consumes (A4). */
export function ReplyToField() {
  const form = useForm();
  const scenario = useDocumentStore((s) => s.scenario);
  const id = String(form.get(['id']) ?? '');
  const value = form.get(PATH);
  const chosen = typeof value === 'string' ? value : SELF;
  const targets = replyTargets(scenario, id);
  const stale = chosen !== SELF && !targets.some((t) => t.id === chosen);
  return (
    <Field label="Reply to" errors={form.errorsAt(PATH)}
      hint="Responders send each reply here, with the request's id as its correlation id. A queue must be one this requester consumes from (draw queue → requester)."
      broker="EIP Return Address · AMQP reply_to">
      {({ inputId, describedBy, invalid }) => (
        <select id={inputId} className="input" value={chosen} aria-invalid={invalid} aria-describedby={describedBy}
          data-path={PATH.join('.')} onChange={(e) => form.set(PATH, e.target.value === SELF ? null : e.target.value)}>
          <option value={SELF}>This requester (direct reply-to)</option>
          {targets.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
          {stale && <option value={chosen}>{chosen} (not a valid target)</option>}
        </select>
      )}
    </Field>
  );
}
