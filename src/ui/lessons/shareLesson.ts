import { openDialog } from '../dialogs/dialogStore';
import { lessonShareUrl } from '../documents/shareLink';
import type { OpenLesson } from './lessonStore';

/** Copies the lesson's link (when the browser allows) and shows it, like sharing a scenario. */
export async function shareLesson(open: OpenLesson): Promise<void> {
  const url = lessonShareUrl(open.lesson, open.source.kind === 'builtin', window.location);
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    copied = false; // the dialog shows the link to copy by hand, and says it was not copied
  }
  openDialog({ type: 'share', url, copied, subject: 'lesson' });
}
