import type { NodeKind } from '../../schema';

const PATHS: Record<NodeKind, React.ReactNode> = {
  // A document with an arrow leaving it: something that publishes.
  producer: (
    <>
      <path d="M4 3h7l3 3v11H4z" />
      <path d="M11 3v3h3" />
      <path d="M14 12h6m-2.5-2.5L20 12l-2.5 2.5" />
    </>
  ),
  // One input fanning out to three outputs: routing.
  exchange: (
    <>
      <circle cx="6" cy="12" r="2.5" />
      <path d="M8.5 12h3M11.5 12l7-6M11.5 12h7M11.5 12l7 6" />
    </>
  ),
  // Stacked messages in a row: a FIFO buffer.
  queue: (
    <>
      <rect x="3" y="7" width="18" height="10" rx="2" />
      <path d="M8 7v10M13 7v10" />
    </>
  ),
  // A gear-like worker receiving from the left.
  consumer: (
    <>
      <path d="M3 12h5m-2.5-2.5L8 12l-2.5 2.5" />
      <circle cx="15" cy="12" r="3" />
      <path d="M15 5v2M15 17v2M8.5 12H10M20 12h1.5M10.4 7.4l1.4 1.4M18.2 15.2l1.4 1.4M10.4 16.6l1.4-1.4M18.2 8.8l1.4-1.4" />
    </>
  ),
  // A funnel: lets some messages through.
  filter: (
    <>
      <path d="M4 5h16l-6 7.5V19l-4-2v-4.5z" />
    </>
  ),
  // A decision diamond with a way out per rule.
  router: (
    <>
      <path d="M2 12h4M10 8l4 4-4 4-4-4z" />
      <path d="M14 12l3-5h4M14 12l3 5h4" />
    </>
  ),
  // A server in a rack: three stacked units with status lights.
  broker: (
    <>
      <rect x="4" y="3.5" width="16" height="5" rx="1.2" />
      <rect x="4" y="9.5" width="16" height="5" rx="1.2" />
      <rect x="4" y="15.5" width="16" height="5" rx="1.2" />
      <path d="M7 6h.01M7 12h.01M7 18h.01M11 6h6M11 12h6M11 18h6" />
    </>
  ),
  // A request going out on top and its reply coming back below: request-reply (EIP Return Address).
  requester: (
    <>
      <path d="M3 8h15m-3-3 3 3-3 3" />
      <path d="M21 16H6m3-3-3 3 3 3" strokeDasharray="2.5 2" />
    </>
  ),
  // Three replies converging into one: the aggregator's correlated group.
  aggregator: (
    <>
      <path d="M3 5l7 7M3 12h7M3 19l7-7" />
      <rect x="10" y="9" width="6" height="6" rx="1.2" />
      <path d="M16 12h5m-2-2 2 2-2 2" />
    </>
  ),
};

/** A small line icon for a node kind, coloured by the kind's CSS variable. */
export function KindIcon({ kind, size = 18 }: { kind: NodeKind; size?: number }) {
  return (
    <svg className={`kind-icon kind-icon-${kind}`} width={size} height={size} viewBox="0 0 24 24" fill="none"
      stroke="currentColor" strokeWidth={1.7} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      {PATHS[kind]}
    </svg>
  );
}
