import { parseScenarioText, type Scenario, type ScenarioError } from '../../schema';
import { showScenarioErrors } from '../dialogs/dialogStore';
import { useDocumentStore } from '../document/documentStore';
import { useRunStore } from '../run/runStore';
import { notify } from '../notify/notifyStore';
import { useViewStore } from '../view/viewStore';
import { requestFitView } from '../view/fitView';

/** Makes `scenario` the document (undoable), clears the selection and fits it into view. */
export function loadScenario(scenario: Scenario, origin: string | null): void {
  useViewStore.getState().clearSelection();
  useDocumentStore.getState().replaceScenario(scenario);
  useRunStore.getState().discard(); // the old document's run and figures would otherwise stay on screen
  requestFitView();
  notify(origin ? `Opened “${scenario.name}” from ${origin}` : 'Started a new document (Ctrl+Z brings the old one back)', 'success');
}

type Parsed<T> = ({ ok: true } & T) | { ok: false; errors: ScenarioError[] };

/**
 * Reads a file the user chose and parses it (`what` names the format: "scenario", "lesson"). A file that
 * cannot be read or parsed shows why and gives null, so the caller replaces nothing.
 */
export async function readParsedFile<T>(file: File, what: string, parse: (text: string) => Parsed<T>): Promise<T | null> {
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    showScenarioErrors(`Could not open ${file.name}`, 'The browser could not read the file.', [{ code: 'io', path: '', message: (e as Error).message }]);
    return null;
  }
  const result = parse(text);
  if (!result.ok) {
    showScenarioErrors(`${file.name} is not a valid ${what}`, 'The current document was kept. The file has these problems:', result.errors);
    return null;
  }
  return result;
}

/** Opens a JSON file through parseScenario; a bad file shows its errors and keeps the current document. */
export async function openScenarioFile(file: File): Promise<void> {
  const result = await readParsedFile(file, 'scenario', parseScenarioText);
  if (result) loadScenario(result.scenario, file.name);
}
