/** Charts tab (throughput, latency, queue depth). */
export function ChartsPanel() {
  return <p className="dock-empty">Charts appear once a run has produced samples.</p>;
}
