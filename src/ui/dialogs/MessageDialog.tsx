import type { MessageView } from '../../engine/api';
import { MessageDetails } from '../messages/MessageDetails';
import { Dialog } from './Dialog';

/** The message inspector: one message as it was when the list was taken. */
export function MessageDialog({ message, where, onClose }: { message: MessageView; where: string; onClose: () => void }) {
  return (
    <Dialog title={`Message #${message.id} · ${where}`} onClose={onClose} width={640} testId="message-dialog"
      footer={<button type="button" className="btn" onClick={onClose}>Close</button>}>
      <MessageDetails message={message} />
    </Dialog>
  );
}
