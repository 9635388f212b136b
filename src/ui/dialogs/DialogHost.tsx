import { useDialogStore, type DialogSpec } from './dialogStore';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorsDialog } from './ErrorsDialog';
import { ExamplesDialog } from './ExamplesDialog';
import { HelpDialog } from './HelpDialog';
import { MessageDialog } from './MessageDialog';
import { ShareDialog } from './ShareDialog';

function render(dialog: DialogSpec, close: () => void) {
  switch (dialog.type) {
    case 'errors': return <ErrorsDialog {...dialog} onClose={close} />;
    case 'share': return <ShareDialog {...dialog} onClose={close} />;
    case 'confirm': return <ConfirmDialog {...dialog} onClose={close} />;
    case 'help': return <HelpDialog onClose={close} />;
    case 'examples': return <ExamplesDialog onClose={close} />;
    case 'message': return <MessageDialog message={dialog.message} where={dialog.where} onClose={close} />;
  }
}

/** Shows the one open dialog, if any. */
export function DialogHost() {
  const dialog = useDialogStore((s) => s.dialog);
  const close = useDialogStore((s) => s.close);
  return dialog ? render(dialog, close) : null;
}
