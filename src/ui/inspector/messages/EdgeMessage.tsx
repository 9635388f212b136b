import type { MessageView } from '../../../engine/api';
import { formatSimTime } from '../../messages/describeMessage';
import { noneYet, useRunFinished } from '../../run/runFinished';
import { MessageList } from './MessageList';
import { useInspection } from './useInspection';

/**
 * What this edge last carried. An edge that has sent a reply back (a direct call's, A4 Return Address)
 * shows its last request and its last reply apart, each marked as its tokens are drawn on the canvas:
 * a dot going forward, a ring in the reply colour coming back.
 */
export function EdgeMessage({ edgeId }: { edgeId: string }) {
  const { loaded, refresh, found, timeMs, messages, reply } = useInspection({ kind: 'edge', id: edgeId });
  const finished = useRunFinished();
  if (!loaded) return null;
  const call = reply !== null;
  const title = call ? 'Last messages' : 'Last message';
  return (
    <section className="inspector-section" data-testid="edge-message" aria-label={title}>
      <header className="inspector-section-head">
        <h3>{title}</h3>
        {found && <span className="muted">at {formatSimTime(timeMs)}</span>}
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={refresh}>Refresh</button>
      </header>
      {call ? <>
        <EdgeWay way="request" message={messages[0] ?? null} edgeId={edgeId} finished={finished} />
        <EdgeWay way="reply" message={reply} edgeId={edgeId} finished={finished} />
      </> : <>
        {found && messages.length === 0 && <p className="field-hint" data-testid="edge-no-message">
          {finished ? 'No message entered this edge in this run.' : 'No message has entered this edge yet.'}</p>}
        {messages.length > 0 && <MessageList messages={messages} where={edgeId} />}
      </>}
    </section>
  );
}

const WAYS = {
  request: { label: 'Request', how: 'sent along →' },
  reply: { label: 'Reply', how: 'sent back ←' },
} as const;

/** One way along a call edge: its label, with the token's mark, and the last message that went that way. */
function EdgeWay({ way, message, edgeId, finished }: { way: keyof typeof WAYS; message: MessageView | null; edgeId: string; finished: boolean }) {
  const { label, how } = WAYS[way];
  return (
    <div className="edge-way" data-testid={`edge-last-${way}`}>
      <p className="edge-way-head"><span className={`edge-way-mark mark-${way}`} aria-hidden="true" />{label} <span className="muted">{how}</span></p>
      {message ? <MessageList messages={[message]} where={edgeId} /> : <p className="field-hint">{noneYet(finished)}</p>}
    </div>
  );
}
