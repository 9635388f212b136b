import { Fragment } from 'react';
import { SHORTCUTS } from '../shell/shortcuts';
import { Dialog } from './Dialog';

export function HelpDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Brokerlab: help and shortcuts" onClose={onClose} width={560} testId="help-dialog">
      <p>Drag components from the palette, wire an output (right handle) to an input (left handle), and edit the selection in the inspector. Press Play to run the scenario; the same JSON runs headless with <code>npm run sim</code>.</p>
      {SHORTCUTS.map((section) => (
        <Fragment key={section.group}>
          <h3 className="help-section">{section.group}</h3>
          <dl className="help-grid">
            {section.items.map((item) => (
              <Fragment key={item.does}>
                <dt>{item.keys.map((k) => <kbd key={k}>{k}</kbd>)}</dt>
                <dd>{item.does}</dd>
              </Fragment>
            ))}
          </dl>
        </Fragment>
      ))}
    </Dialog>
  );
}
