/**
 * The open lesson (zustand) and what the Lessons panel shows. Opening a lesson also loads its scenario
 * as the document: that side of it lives in openLesson.ts, so this store stays plain state.
 */
import { create } from 'zustand';
import type { Fault } from '../../schema';
import type { ParsedLesson } from '../../schema/parseLesson';
import type { StepDone } from './experimentStep';

/** Where the open lesson came from: decides the share link (`#lesson=<id>` or the whole lesson). */
export type LessonSource =
  | { kind: 'builtin' }
  | { kind: 'own'; name: string };

/** `teacherRun`: opened from a link with the teacher's run; its seed and the faults the teacher added, for the student to read. */
export interface OpenLesson { lesson: ParsedLesson; source: LessonSource; teacherRun?: { seed: number; faults: Fault[] } }

export interface LessonState {
  open: OpenLesson | null;
  /** The list of lessons, or the open lesson. */
  view: 'list' | 'lesson';
  /** Bumped when something asks to bring the panel into view (a share link, the Lessons button). */
  panelRequests: number;
  /** Experiment steps done in this lesson (step index → what happened), so a fault is not added twice. */
  done: Record<number, StepDone>;
  /** Opens a lesson; `done`: steps already carried out (by the teacher's run it came with). */
  setOpen(open: OpenLesson, done?: Record<number, StepDone>): void;
  showList(): void;
  showLesson(): void;
  close(): void;
  requestPanel(): void;
  markDone(step: number, what: StepDone): void;
}

export function createLessonState(set: (partial: Partial<LessonState> | ((s: LessonState) => Partial<LessonState>)) => void): LessonState {
  return {
    open: null,
    view: 'list',
    panelRequests: 0,
    done: {},
    setOpen: (open, done = {}) => set((s) => ({ open, view: 'lesson', done, panelRequests: s.panelRequests + 1 })),
    showList: () => set({ view: 'list' }),
    showLesson: () => set((s) => (s.open ? { view: 'lesson' } : {})),
    close: () => set({ open: null, view: 'list', done: {} }),
    requestPanel: () => set((s) => ({ panelRequests: s.panelRequests + 1 })),
    markDone: (step, what) => set((s) => ({ done: { ...s.done, [step]: what } })),
  };
}

export const useLessonStore = create<LessonState>()((set) => createLessonState(set));
