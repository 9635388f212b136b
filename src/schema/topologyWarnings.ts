import { formatPath, type ScenarioError } from './errors';
import { replyGaps } from './replyGaps';
import type { Scenario } from './scenario';

/**
 * Something in a valid document that will not work as drawn: shown beside the document, never a reason to
 * refuse it (an edit that makes one must still commit, because the user is drawing the rest).
 */
export interface ScenarioWarning extends ScenarioError {
  /** The node it is about, so the canvas can mark it. */
  nodeId: string;
}

/** Every warning about a parsed scenario, with JSON paths as parseScenario's errors have them. */
export function topologyWarnings(scenario: Pick<Scenario, 'nodes' | 'edges'>): ScenarioWarning[] {
  return replyGaps(scenario).map(({ code, path, message, nodeId }) => ({ code, path: formatPath(path), message, nodeId }));
}
