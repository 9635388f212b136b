import { experimentFaults, type ParsedLesson, type Scenario } from '../schema';

/**
 * The lesson's scenario with every experiment step's fault added to its timeline at the fault's
 * `atMs`: what a headless replay of "now crash consumer 2" runs. The app injects the same faults live.
 */
export function withExperimentFaults(lesson: ParsedLesson): Scenario {
  const added = experimentFaults(lesson).map((s) => s.fault);
  if (added.length === 0) return lesson.scenario;
  // Appended, as a live fault is recorded: the engine orders the timeline by time itself.
  return { ...lesson.scenario, faults: [...lesson.scenario.faults, ...added] };
}
