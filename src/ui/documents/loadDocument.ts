import { parseScenarioText, type Scenario } from '../../schema';
import { showScenarioErrors } from '../dialogs/dialogStore';
import { useDocumentStore } from '../document/documentStore';
import { notify } from '../notify/notifyStore';
import { useViewStore } from '../view/viewStore';
import { requestFitView } from '../view/fitView';

/** Makes `scenario` the document (undoable), clears the selection and fits it into view. */
export function loadScenario(scenario: Scenario, origin: string | null): void {
  useViewStore.getState().clearSelection();
  useDocumentStore.getState().replaceScenario(scenario);
  requestFitView();
  notify(origin ? `Opened “${scenario.name}” from ${origin}` : 'Started a new document (Ctrl+Z brings the old one back)', 'success');
}

/** Opens a JSON file through parseScenario; a bad file shows its errors and keeps the current document. */
export async function openScenarioFile(file: File): Promise<void> {
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    showScenarioErrors(`Could not open ${file.name}`, 'The browser could not read the file.', [{ code: 'io', path: '', message: (e as Error).message }]);
    return;
  }
  const result = parseScenarioText(text);
  if (!result.ok) {
    showScenarioErrors(`${file.name} is not a valid scenario`, 'The current document was kept. The file has these problems:', result.errors);
    return;
  }
  loadScenario(result.scenario, file.name);
}
