/** Configuration at a glance (a requester's mode, an aggregator's completion rules), in the kind's colour. */
export function Chips({ chips }: { chips: readonly { text: string; title: string }[] }) {
  return (
    <span className="bl-chips">
      {chips.map((c) => <span key={c.text} className="bl-chip" title={c.title} data-testid="node-chip">{c.text}</span>)}
    </span>
  );
}
