import type { ReactNode } from 'react';
import type { MessageView } from '../../engine/api';
import { formatSimTime } from './describeMessage';
import { DeathHistory } from './DeathHistory';
import { patternRows } from './patternRows';
import { Trail } from './Trail';

function Row({ name, children, testId }: { name: string; children: ReactNode; testId?: string }) {
  return <tr><th>{name}</th><td data-testid={testId}>{children}</td></tr>;
}

const yesNo = (v: boolean) => (v ? 'yes' : 'no');

/** Everything the engine knows about one message: properties, delivery counts, TTL, death history and trail. */
export function MessageDetails({ message: m }: { message: MessageView }) {
  const headers = Object.entries(m.headers);
  return (
    <div className="message-details" data-testid="message-details">
      <table className="message-props"><tbody>
        <Row name="id" testId="message-id">#{m.id}</Row>
        <Row name="state" testId="message-state">{m.state}</Row>
        <Row name="routing key"><span className="mono">{m.routingKey || '(empty)'}</span></Row>
        <Row name="headers">{headers.length === 0 ? <span className="muted">none</span>
          : headers.map(([k, v]) => <div key={k} className="mono">{k} = {JSON.stringify(v)}</div>)}</Row>
        <Row name="priority">{m.priority ?? <span className="muted">none</span>}</Row>
        <Row name="size">{m.sizeBytes.toLocaleString('en-US')} bytes</Row>
        <Row name="persistent">{yesNo(m.persistent)}</Row>
        <Row name="poison" testId="message-poison">{yesNo(m.poison)}</Row>
        <Row name="redelivered" testId="message-redelivered">{yesNo(m.redelivered)}</Row>
        <Row name="delivery count" testId="message-delivery-count">{m.deliveryCount}</Row>
        <Row name="receive count (SQS)">{m.receiveCount}</Row>
        <Row name="published at">{formatSimTime(m.publishedAtMs)}</Row>
        <Row name="enqueued at">{formatSimTime(m.enqueuedAtMs)}</Row>
        <Row name="expires at">{m.expiresAtMs === null ? <span className="muted">never</span> : formatSimTime(m.expiresAtMs)}</Row>
        {patternRows(m).map((r) => <Row key={r.testId} name={r.name} testId={r.testId}><span className="mono" title={r.title}>{r.value}</span></Row>)}
      </tbody></table>
      <h3>Death history <span className="muted">x-death</span></h3>
      {m.deaths.length === 0 ? <p className="muted">Never dead-lettered.</p> : <DeathHistory deaths={m.deaths} />}
      <h3>Trail</h3>
      {m.trail.length === 0 ? <p className="muted">No trail recorded.</p> : <Trail hops={m.trail} />}
    </div>
  );
}
