import { offerShareLink } from '../documents/saveDocument';
import { lessonRunShareUrl } from '../documents/lessonRunLink';
import { lessonShareUrl } from '../documents/shareLink';
import { useDocumentStore } from '../document/documentStore';
import { useRunStore } from '../run/runStore';
import type { OpenLesson } from './lessonStore';
import { describeTeacherFault, runOffer } from './teacherRun';

/**
 * Copies the lesson's link (when the browser allows) and shows it, like sharing a scenario. When the document adds
 * faults to the lesson's (Do it, live faults), the dialog also offers the lesson with this run: its seed and faults.
 */
export async function shareLesson(open: OpenLesson): Promise<void> {
  const builtin = open.source.kind === 'builtin';
  const offer = runOffer(open.lesson, useDocumentStore.getState().scenario, runSeedOf(useRunStore.getState()));
  const withRun = offer && {
    url: lessonRunShareUrl(open.lesson, builtin, offer.run, window.location),
    seed: offer.run.seed, faults: offer.added.map(describeTeacherFault), edited: offer.edited,
  };
  await offerShareLink(lessonShareUrl(open.lesson, builtin, window.location), 'lesson', withRun ?? undefined);
}

/** The seed of the run on screen: a seed typed in since applies only from Reset, so it is not the run students would replay. */
function runSeedOf(run: { runSeed: number | null; seed: number }): number {
  return run.runSeed ?? run.seed;
}
