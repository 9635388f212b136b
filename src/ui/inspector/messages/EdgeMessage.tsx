import { formatSimTime } from '../../messages/describeMessage';
import { MessageList } from './MessageList';
import { useInspection } from './useInspection';

/** The message that most recently entered this edge. */
export function EdgeMessage({ edgeId }: { edgeId: string }) {
  const { loaded, refresh, found, timeMs, messages } = useInspection({ kind: 'edge', id: edgeId });
  if (!loaded) return null;
  return (
    <section className="inspector-section" data-testid="edge-message" aria-label="Last message">
      <header className="inspector-section-head">
        <h3>Last message</h3>
        {found && <span className="muted">at {formatSimTime(timeMs)}</span>}
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={refresh}>Refresh</button>
      </header>
      {found && messages.length === 0 && <p className="field-hint">No message has entered this edge yet.</p>}
      {messages.length > 0 && <MessageList messages={messages} where={edgeId} />}
    </section>
  );
}
