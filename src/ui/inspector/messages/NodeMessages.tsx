import { formatSimTime } from '../../messages/describeMessage';
import { MessageList } from './MessageList';
import { useInspection } from './useInspection';

const LIMIT = 50;

/** The messages a queue (or consumer) holds right now, head first, each one clickable. */
export function NodeMessages({ nodeId, name, kind }: { nodeId: string; name: string; kind: string }) {
  const { loaded, running, refresh, pending, found, timeMs, messages } = useInspection({ kind: 'node', id: nodeId, limit: LIMIT });
  return (
    <section className="inspector-section" data-testid="node-messages" aria-label="Messages">
      <header className="inspector-section-head">
        <h3>Messages</h3>
        {loaded && <span className="muted">{found ? `at ${formatSimTime(timeMs)}` : ''}{pending ? ' …' : ''}</span>}
        <span className="spacer" />
        {loaded && <button type="button" className="btn btn-small" data-testid="messages-refresh" onClick={refresh}>Refresh</button>}
      </header>
      {!loaded && <p className="field-hint">Step or play the simulation to see the messages {kind === 'queue' ? 'this queue holds' : 'this consumer holds'}.</p>}
      {loaded && found && messages.length === 0 && <p className="field-hint">{kind === 'queue' ? 'The queue is empty.' : 'Holds no message.'}</p>}
      {loaded && running && <p className="field-hint">Running: the list is as of the last refresh.</p>}
      {messages.length > 0 && <MessageList messages={messages} where={name} />}
      {messages.length >= LIMIT && <p className="field-hint">The first {LIMIT}, head first.</p>}
    </section>
  );
}
