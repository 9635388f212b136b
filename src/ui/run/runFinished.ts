/**
 * Empty states that promise more: "None yet." holds while the run can still go on (idle, running, paused);
 * once it has finished nothing more will come, and the same list is empty for the whole run.
 */
import { useRunStore } from './runStore';

/** Whether the run has reached its end (a Play then starts a new one). */
export function useRunFinished(): boolean {
  return useRunStore((s) => s.status === 'finished');
}

/** An empty list's line: "None yet." while the run goes on, "None in this run." once it has finished. */
export function noneYet(finished: boolean): string {
  return finished ? 'None in this run.' : 'None yet.';
}
