import { useEffect, useState } from 'react';
import { LessonsPanel } from '../lessons/LessonsPanel';
import { Toasts } from '../notify/Toasts';
import { useLessonStore } from '../lessons/lessonStore';
import { AuditPanel } from './AuditPanel';
import { ChartsPanel } from './ChartsPanel';
import { LogPanel } from './LogPanel';
import { SummaryPanel } from './SummaryPanel';
import './dock.css';

const TABS = [
  { id: 'charts', label: 'Charts' },
  { id: 'summary', label: 'Summary' },
  { id: 'audit', label: 'Audit' },
  { id: 'log', label: 'Log' },
  { id: 'lessons', label: 'Lessons' },
] as const;
export type DockTab = (typeof TABS)[number]['id'];

/**
 * The bottom dock: charts, the run summary, the audit, the run log and the lessons. Only the open tab renders.
 * Its tab row's empty end holds the editor's notices (toasts.css), off the canvas.
 */
export function Dock({ initialTab = 'charts' }: { initialTab?: DockTab }) {
  // Coming back from the presenter view with a lesson open: show the lesson again.
  const [tab, setTab] = useState<DockTab>(() => (useLessonStore.getState().open ? 'lessons' : initialTab));
  // Opening a lesson (the Lessons button, a link, the list) brings its tab into view.
  useEffect(() => useLessonStore.subscribe((s, prev) => { if (s.panelRequests !== prev.panelRequests) setTab('lessons'); }), []);
  return (
    <section className="dock" data-testid="dock" aria-label="Run results">
      <div className="dock-tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} data-testid={`dock-tab-${t.id}`}
            className={tab === t.id ? 'dock-tab active' : 'dock-tab'} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
        <div className="dock-notices"><Toasts /></div>
      </div>
      <div className="dock-body" role="tabpanel">
        {tab === 'charts' && <ChartsPanel />}
        {tab === 'summary' && <SummaryPanel />}
        {tab === 'audit' && <AuditPanel />}
        {tab === 'log' && <LogPanel />}
        {tab === 'lessons' && <LessonsPanel />}
      </div>
    </section>
  );
}
