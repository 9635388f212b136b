import { useRunStore } from '../run/runStore';
import { triggerFault, useFaultActions } from './FaultMenu';

/** The live fault actions as buttons in the node and edge inspectors (the same as the canvas's right-click menu). */
export function FaultButtons({ kind, id }: { kind: 'node' | 'edge'; id: string }) {
  const { actions } = useFaultActions(kind, id);
  const loaded = useRunStore((s) => s.loaded);
  if (actions.length === 0) return null;
  return (
    <fieldset className="group" data-testid="fault-buttons">
      <legend>Break it</legend>
      <div className="fault-actions">
        {actions.map((a) => (
          <button key={a.id} type="button" className="btn btn-small" title={a.title} data-testid={`fault-button-${a.id}`}
            onClick={() => triggerFault(a, id)}>{a.label}</button>
        ))}
      </div>
      <p className="field-hint">{loaded ? 'Happens now in the run and is recorded in the scenario\'s fault timeline, so Reset replays it exactly.'
        : 'No run is loaded: this loads it, and the fault happens at 0 s. It is recorded in the fault timeline.'} Also on the canvas: right-click.</p>
    </fieldset>
  );
}
