import { formatError } from '../../schema';
import { EXAMPLES } from '../documents/examples';
import { loadScenario } from '../documents/loadDocument';
import { Dialog } from './Dialog';

export function ExamplesDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Examples" onClose={onClose} width={560} testId="examples-dialog">
      {EXAMPLES.length === 0 && <p className="muted">No examples are bundled with this build.</p>}
      <ul className="example-list">
        {EXAMPLES.map((ex) => (
          <li key={ex.file}>
            {ex.ok ? (
              <button type="button" className="example-item" data-testid={`example-${ex.file.replace(/\.json$/, '')}`}
                onClick={() => { onClose(); loadScenario(ex.scenario, `the example ${ex.file}`); }}>
                <strong>{ex.scenario.name}</strong>
                <span>{ex.scenario.description || ex.file}</span>
              </button>
            ) : (
              <div className="example-item" role="note">
                <strong>{ex.file} (cannot be opened)</strong>
                <span className="mono">{ex.errors.slice(0, 3).map(formatError).join('; ')}</span>
              </div>
            )}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
