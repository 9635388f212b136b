import { offerShareLink } from '../documents/saveDocument';
import { lessonShareUrl } from '../documents/shareLink';
import type { OpenLesson } from './lessonStore';

/** Copies the lesson's link (when the browser allows) and shows it, like sharing a scenario. */
export async function shareLesson(open: OpenLesson): Promise<void> {
  await offerShareLink(lessonShareUrl(open.lesson, open.source.kind === 'builtin', window.location), 'lesson');
}
