import { useRunStore } from './runStore';

/** A crash or engine error, in words, with a way out. The document is never touched. */
export function RunErrorBanner() {
  const error = useRunStore((s) => s.error);
  const restart = useRunStore((s) => s.restart);
  if (!error) return null;
  return (
    <div className="run-error" role="alert" data-testid="run-error" data-code={error.code}>
      <strong>Simulation stopped:</strong> {error.message} <span className="run-error-code">({error.code})</span>
      <button type="button" data-testid="run-restart" onClick={restart}>Restart</button>
    </div>
  );
}
