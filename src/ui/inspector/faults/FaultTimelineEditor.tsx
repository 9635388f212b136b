import { INSTANT_FAULT_TYPES, LASTING_FAULTS, LINK_FAULTS, NODE_FAULTS, type Fault, type Scenario } from '../../../schema';
import { FAULT_PARAMS, hitsEdge, newFault, switchFaultType, targetChoices } from '../../faults/faultTimeline';
import { faultName } from '../../faults/faultSpans';
import { WrappingSelect } from '../fields/WrappingSelect';
import { useForm } from '../form';

const PATH = ['faults'] as const;
const TYPES: Fault['type'][] = [...NODE_FAULTS, ...LINK_FAULTS, 'heal'];
const PARAM_UNITS: Record<string, { label: string; unit: string }> = {
  factor: { label: '×', unit: '' }, addMs: { label: '+', unit: 'ms' }, jitterMs: { label: '±', unit: 'ms' }, probability: { label: 'p', unit: '' },
  count: { label: 'send', unit: 'messages' },
};

const HEAL_CHOICES = LASTING_FAULTS.map((t) => ({ value: t, label: t === 'crash' ? 'crash (restart)' : faultName(t) }));

const toNumber = (text: string): unknown => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);
const show = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/**
 * The scenario's fault timeline: when, what, for how long. Live faults triggered on the canvas land here
 * (marked "live") so that Reset replays the run exactly; each can be edited or removed like the others.
 */
export function FaultTimelineEditor({ scenario }: { scenario: Scenario }) {
  const form = useForm();
  const faults = (form.get(PATH) ?? []) as Record<string, unknown>[];
  const write = (next: unknown[]) => form.set(PATH, next);
  const firstTarget = scenario.nodes.find((n) => n.kind === 'consumer')?.id ?? scenario.nodes[0]?.id;
  const listErrors = form.errorsAt(PATH);
  return (
    <fieldset className="group" data-testid="fault-timeline">
      <legend>Faults</legend>
      <p className="field-hint">A timeline of what breaks: crash any node (a broker takes down what it hosts), slow a consumer or a disk,
        delay, lose, partition or corrupt a link (p: the chance each message is lost or damaged), or have a producer send poison messages
        (every consumer fails them). Leave the duration empty for “until the end”. Faults of one type on one target add up: a node is down
        while any of its crashes lasts, and the latest fault still on sets a factor or a probability. A heal ends every fault of its
        type on its target at once (a heal of a crash restarts the node).</p>
      {listErrors.map((e) => <p key={e} className="field-errors">{e}</p>)}
      {faults.length === 0 && <p className="field-hint muted" data-testid="fault-timeline-empty">No faults. Add one, or right-click a node or an edge on the canvas during a run.</p>}
      <ul className="key-list">
        {faults.map((f, i) => {
          const type = String(f.type) as Fault['type'];
          const errors = form.errorsAt([...PATH, i], true);
          const edgeFault = hitsEdge(f);
          const set = (key: string, value: unknown) => form.set([...PATH, i, key], value);
          return (
            <li key={i} className={`fault-row${f.live ? ' live' : ''}`} data-testid="fault-row" data-type={type} data-target={show(f.target)} data-at={show(f.atMs)}>
              {/* What, where (a heal: of what, where), when: three short lines, so that every part fits the inspector's width whole
                  (a type's full name, no remove button on a line of its own). */}
              <div className="fault-row-line">
                <select className="input fault-type" aria-label={`Fault ${i + 1} type`} value={type} data-path={`faults.${i}.type`}
                  onChange={(e) => form.set([...PATH, i], switchFaultType(f, e.target.value as Fault['type']))}>
                  {TYPES.map((t) => <option key={t} value={t}>{faultName(t)}</option>)}
                </select>
                {Boolean(f.live) && <span className="fault-live-tag" title="Triggered live on the canvas and recorded for replay">live</span>}
                <button type="button" className="btn btn-ghost btn-icon fault-remove" aria-label={`Remove fault ${i + 1}`}
                  onClick={() => write(faults.filter((_, j) => j !== i))}>×</button>
              </div>
              {/* A heal's "of", then the target, each on the row's whole width and read whole however long (WrappingSelect). */}
              {type === 'heal' && (
                <div className="fault-row-line">
                  <span className="field-unit" title="A heal of a crash restarts the node">ends every</span>
                  <WrappingSelect aria-label={`Fault ${i + 1} heals`} choices={HEAL_CHOICES} value={show(f.of)} data-path={`faults.${i}.of`}
                    onChange={(e) => set('of', e.target.value)} />
                </div>
              )}
              <div className="fault-row-line">
                <WrappingSelect aria-label={`Fault ${i + 1} target`} choices={targetChoices(scenario, edgeFault, show(f.target))} value={show(f.target)}
                  data-path={`faults.${i}.target`} aria-invalid={errors.length > 0} onChange={(e) => set('target', e.target.value)} />
              </div>
              <div className="fault-row-line">
                <span className="field-unit">at</span>
                <input className="input input-number" aria-label={`Fault ${i + 1} time (ms)`} inputMode="decimal" value={show(f.atMs)}
                  data-path={`faults.${i}.atMs`} aria-invalid={errors.length > 0} onChange={(e) => set('atMs', toNumber(e.target.value))} />
                <span className="field-unit">ms</span>
                {INSTANT_FAULT_TYPES.includes(type) && f.durationMs === undefined ? <span className="field-unit">at once</span> : <>
                  <span className="field-unit">for</span>
                  <input className="input input-number" aria-label={`Fault ${i + 1} duration (ms)`} inputMode="decimal" value={show(f.durationMs)}
                    placeholder="∞" title="Empty: the fault lasts until the end of the run" data-path={`faults.${i}.durationMs`} aria-invalid={errors.length > 0}
                    onChange={(e) => set('durationMs', e.target.value.trim() === '' ? undefined : toNumber(e.target.value))} />
                  <span className="field-unit">ms</span>
                </>}
              </div>
              {Object.keys(FAULT_PARAMS[type] ?? {}).length > 0 && (
                <div className="fault-row-line">
                  {Object.keys(FAULT_PARAMS[type]).map((key) => (
                    <label key={key} className="fault-param">
                      <span className="field-unit">{PARAM_UNITS[key]?.label ?? key}</span>
                      <input className="input input-number" aria-label={`Fault ${i + 1} ${key}`} inputMode="decimal" value={show(f[key])}
                        data-path={`faults.${i}.${key}`} aria-invalid={errors.length > 0} onChange={(e) => set(key, toNumber(e.target.value))} />
                      {PARAM_UNITS[key]?.unit && <span className="field-unit">{PARAM_UNITS[key].unit}</span>}
                    </label>
                  ))}
                </div>
              )}
              {errors.length > 0 && <ul className="field-errors" data-testid="field-error">{errors.map((e) => <li key={e}>{e}</li>)}</ul>}
            </li>
          );
        })}
      </ul>
      <button type="button" className="btn btn-small" disabled={!firstTarget} data-testid="fault-add"
        onClick={() => firstTarget && write([...faults, newFault(faults as Fault[], firstTarget)])}>+ Add fault</button>
    </fieldset>
  );
}
