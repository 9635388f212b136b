import { openDialog } from '../dialogs/dialogStore';
import { EXAMPLES } from '../documents/examples';

/** What an empty canvas says: how to start, and where the examples are. */
export function EmptyCanvasHint() {
  return (
    <div className="canvas-empty" data-testid="canvas-empty">
      <h2>Design a messaging topology</h2>
      <p>Drag a <b>producer</b>, a <b>queue</b> and a <b>consumer</b> from the palette, then wire each output (right) to the next input (left).</p>
      {EXAMPLES.length > 0 && (
        <button type="button" className="btn" onClick={() => openDialog({ type: 'examples' })}>Or start from an example</button>
      )}
    </div>
  );
}
