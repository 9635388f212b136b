import { openDialog } from '../dialogs/dialogStore';
import { useLessonStore } from '../lessons/lessonStore';
import { usePresenterStore } from '../presenter/presenterStore';
import { HelpIcon, LogoIcon, MoonIcon, SunIcon } from '../icons/icons';
import { RunControls } from '../run/RunControls';
import { useViewStore } from '../view/viewStore';
import { DocumentMenu } from './DocumentMenu';
import { DocumentName } from './DocumentName';
import { UndoButtons } from './UndoButtons';

export function TopBar() {
  const theme = useViewStore((s) => s.theme);
  const toggleTheme = useViewStore((s) => s.toggleTheme);
  return (
    <header className="topbar">
      <div className="topbar-doc">
        <span className="brand" title="Brokerlab"><LogoIcon /></span>
        <DocumentName />
        <DocumentMenu />
        <UndoButtons />
      </div>
      <div className="topbar-run"><RunControls /></div>
      <div className="topbar-end">
        <button type="button" className="btn" data-testid="lessons-button" onClick={() => useLessonStore.getState().requestPanel()}
          title="Lessons: one for each pattern, with an experiment and checks">Lessons</button>
        <button type="button" className="btn" data-testid="presenter-toggle" onClick={() => usePresenterStore.getState().toggle()}
          title="Presenter view: the canvas, one chart and the checks in large type (P; Esc leaves)">Present</button>
        <button type="button" className="btn btn-icon" onClick={toggleTheme} data-testid="theme-toggle"
          aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'} title="Light / dark theme">
          {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
        </button>
        <button type="button" className="btn btn-icon" onClick={() => openDialog({ type: 'help' })} aria-label="Help and shortcuts" title="Help (?)">
          <HelpIcon />
        </button>
      </div>
    </header>
  );
}
