import { RunClock } from './RunClock';
import { RunErrorBanner } from './RunErrorBanner';
import { PauseIcon, PlayIcon, ResetIcon, StepIcon } from './RunIcons';
import { SeedField } from './SeedField';
import { SPEED_CHOICES, parseSpeed, speedLabel } from './speeds';
import { useRunStore } from './runStore';
import { useRunStale } from './useRunStale';
import { useSpaceToggle } from './useSpaceToggle';
import './run.css';

/** Top-bar run controls: Play/Pause, Step, Reset, speed, seed, clock and progress. */
export function RunControls() {
  const status = useRunStore((s) => s.status);
  const speed = useRunStore((s) => s.speed);
  const { toggle, step, reset, setSpeed } = useRunStore.getState();
  useSpaceToggle(toggle);
  const running = status === 'running';
  const broken = status === 'error';
  const stale = useRunStale();
  return (
    <div className="run-controls" data-testid="run-controls" data-status={status}>
      {/* Finished, Play runs the document again from the start: it says so rather than looking like it resumes. */}
      <button type="button" data-testid="run-play" onClick={toggle} disabled={broken}
        title={status === 'finished' ? 'Run it again from the start (Space)' : 'Play/Pause (Space)'}>
        {running ? <><PauseIcon /> Pause</> : status === 'finished' ? <><ResetIcon /> Replay</> : <><PlayIcon /> Play</>}
      </button>
      <button type="button" data-testid="run-step" onClick={step} disabled={broken || running || status === 'finished'} title="Process exactly one event">
        <StepIcon /> Step
      </button>
      <button type="button" data-testid="run-reset" onClick={reset} disabled={broken} className={stale ? 'run-reset-due' : undefined}
        title={stale ? 'Run the edited document from the start' : 'Reload the document and start again'}>
        <ResetIcon /> Reset
      </button>
      <label className="run-speed">
        <span>Speed</span>
        <select data-testid="run-speed" value={String(speed)} onChange={(e) => { const s = parseSpeed(e.target.value); if (s !== null) setSpeed(s); }}>
          {SPEED_CHOICES.map((c) => <option key={String(c)} value={String(c)}>{speedLabel(c)}</option>)}
        </select>
      </label>
      <SeedField />
      {/* The clock and the status wrap as one: a status alone on a row of its own read as a stray badge. */}
      <span className="run-progress">
        <RunClock />
        <span className={`run-status run-status-${status}`} data-testid="run-status">{status}</span>
        {stale && (
          <span className="run-stale" data-testid="run-stale" role="status"
            title="The run and its figures are of the document as it was when the run started (with the faults triggered live). Your edits apply from Reset.">
            edited: Reset to apply
          </span>
        )}
      </span>
      <RunErrorBanner />
    </div>
  );
}
