import type { MessageView } from '../../../engine/api';
import { openDialog } from '../../dialogs/dialogStore';
import { messageFlags } from '../../messages/describeMessage';

/** One row per message, head first; a click opens the message inspector. */
export function MessageList({ messages, where }: { messages: readonly MessageView[]; where: string }) {
  return (
    <ul className="message-list" data-testid="message-list">
      {messages.map((m, i) => (
        <li key={`${m.id}-${i}`}>
          <button type="button" className="message-row" data-testid="message-row" data-message-id={m.id}
            onClick={() => openDialog({ type: 'message', message: m, where })}>
            <span className="mono message-id">#{m.id}</span>
            <span className="mono message-key">{m.routingKey || '(empty key)'}</span>
            <span className="message-state">{m.state}</span>
            {messageFlags(m).map((f) => <span key={f} className={`message-flag flag-${f.split(' ')[0]}`}>{f}</span>)}
          </button>
        </li>
      ))}
    </ul>
  );
}
