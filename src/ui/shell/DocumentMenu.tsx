import { useRef } from 'react';
import { openDialog } from '../dialogs/dialogStore';
import { emptyScenario } from '../document/defaultScenario';
import { getScenario } from '../document/documentStore';
import { loadScenario, openScenarioFile } from '../documents/loadDocument';
import { downloadScenario, shareScenario } from '../documents/saveDocument';
import { ExamplesIcon, NewIcon, OpenIcon, SaveIcon, ShareIcon } from '../icons/icons';

function newDocument(): void {
  const start = () => loadScenario(emptyScenario(), null);
  if (getScenario().nodes.length === 0) { start(); return; }
  openDialog({
    type: 'confirm', title: 'Start a new document?', confirmLabel: 'New document', onConfirm: start,
    message: 'The canvas will be cleared. You can still undo this with Ctrl+Z; save or share first to keep a copy.',
  });
}

/** New, Open, Save, Share and Examples. */
export function DocumentMenu() {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="doc-menu" role="group" aria-label="Document">
      <button type="button" className="btn" onClick={newDocument} title="New document"><NewIcon />New</button>
      <button type="button" className="btn" onClick={() => fileInput.current?.click()} title="Open a scenario JSON file"><OpenIcon />Open</button>
      <input ref={fileInput} type="file" accept=".json,application/json" hidden data-testid="open-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void openScenarioFile(file);
        }} />
      <button type="button" className="btn" onClick={() => downloadScenario(getScenario())} title="Download the scenario as JSON (runs with npm run sim)"><SaveIcon />Save</button>
      <button type="button" className="btn" onClick={() => void shareScenario(getScenario())} title="Copy a link that opens this scenario"><ShareIcon />Share</button>
      <button type="button" className="btn" onClick={() => openDialog({ type: 'examples' })} title="Open an example scenario"><ExamplesIcon />Examples</button>
    </div>
  );
}
