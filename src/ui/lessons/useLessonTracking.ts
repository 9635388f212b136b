import { useEffect } from 'react';
import { startLessonTracking } from './lessonRun';

/** Follows the run for the lesson checks for as long as the app is mounted. */
export function useLessonTracking(): void {
  useEffect(() => startLessonTracking(), []);
}
