import type { Scenario } from '../../schema';
import { openDialog, type RunShareChoice } from '../dialogs/dialogStore';
import { fileNameFor, scenarioFileText } from './fileName';
import { shareUrl } from './shareLink';

/** Downloads exactly the scenario JSON that `npm run sim` runs, as `<name>.json`. */
export function downloadScenario(scenario: Scenario): void {
  const blob = new Blob([scenarioFileText(scenario)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameFor(scenario.name);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Puts a share link in the clipboard (when the browser allows) and shows it in a dialog either way. */
export async function shareScenario(scenario: Scenario): Promise<void> {
  await offerShareLink(shareUrl(scenario, window.location), 'scenario');
}

/**
 * Copies `url` to the clipboard when the browser allows, and shows it in the share dialog either way; `withRun`: the
 * dialog also offers a lesson link with the teacher's run.
 */
export async function offerShareLink(url: string, subject: 'scenario' | 'lesson', withRun?: RunShareChoice): Promise<void> {
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    copied = false; // the dialog shows the link to copy by hand, and says it was not copied
  }
  openDialog({ type: 'share', url, copied, subject, ...(withRun ? { withRun } : {}) });
}
