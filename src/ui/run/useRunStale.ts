import { useMemo } from 'react';
import { useDocumentStore } from '../document/documentStore';
import { runKey } from './runKey';
import { useRunStore } from './runStore';

/**
 * Whether the document differs from what the run on screen runs: an edit (a config, an edge, a node, an undone live
 * fault) made after the run started applies only from Reset. Moving or renaming nodes does not count (runKey).
 * Not before a run starts: Play then loads the edited document anyway.
 */
export function useRunStale(): boolean {
  const key = useRunStore((s) => s.runKey);
  const started = useRunStore((s) => s.status === 'running' || s.status === 'paused' || s.status === 'finished');
  const scenario = useDocumentStore((s) => s.scenario);
  return useMemo(() => started && key !== null && runKey(scenario) !== key, [started, key, scenario]);
}
