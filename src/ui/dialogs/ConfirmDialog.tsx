import { Dialog } from './Dialog';

interface ConfirmProps { title: string; message: string; confirmLabel: string; onConfirm: () => void; onClose: () => void }

export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onClose }: ConfirmProps) {
  return (
    <Dialog title={title} onClose={onClose} width={440} testId="confirm-dialog"
      footer={<>
        <button type="button" className="btn" onClick={onClose}>Cancel</button>
        <button type="button" className="btn btn-primary" data-autofocus onClick={() => { onClose(); onConfirm(); }}>{confirmLabel}</button>
      </>}>
      <p>{message}</p>
    </Dialog>
  );
}
