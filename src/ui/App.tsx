import { Canvas } from './canvas/Canvas';
import { DialogHost } from './dialogs/DialogHost';
import { Dock } from './dock/Dock';
import { useAutosave } from './documents/useAutosave';
import { Inspector } from './inspector/Inspector';
import { useLessonTracking } from './lessons/useLessonTracking';
import { Palette } from './palette/Palette';
import { PresenterView } from './presenter/PresenterView';
import { usePresenterStore } from './presenter/presenterStore';
import { usePresenterShortcut } from './presenter/usePresenterShortcut';
import { TopBar } from './shell/TopBar';
import { useDockHeight } from './shell/useDockHeight';
import { useKeyboardShortcuts } from './shell/useKeyboardShortcuts';
import { useShareLinkNavigation } from './shell/useShareLinkNavigation';
import { useTheme } from './shell/useTheme';
import './styles/theme.css';
import './styles/layout.css';
import './shell/topbar.css';

/** The whole editor: top bar, palette, canvas, inspector and the run dock. */
export function App() {
  useTheme();
  useAutosave();
  useKeyboardShortcuts();
  useShareLinkNavigation();
  useLessonTracking();
  usePresenterShortcut();
  const dock = useDockHeight();
  const presenter = usePresenterStore((s) => s.on);
  if (presenter) return (<><PresenterView /><DialogHost /></>);
  return (
    <div className="app" style={{ '--dock-height': `${dock.height}px` } as React.CSSProperties}>
      <div className="app-top"><TopBar /></div>
      <div className="app-palette"><Palette /></div>
      <main className="app-canvas">
        <Canvas />
      </main>
      <div className="app-inspector"><Inspector /></div>
      <div className="app-split" role="separator" aria-orientation="horizontal" aria-label="Resize the dock" tabIndex={0}
        aria-valuenow={dock.height} onPointerDown={dock.onPointerDown} onKeyDown={dock.onKeyDown} />
      <div className="app-dock"><Dock /></div>
      <DialogHost />
    </div>
  );
}
