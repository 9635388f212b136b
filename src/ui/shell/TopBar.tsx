import { openDialog } from '../dialogs/dialogStore';
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
