import { SAMPLE_FIELDS, type MetricSample } from './api';
import { LatencyHistogram } from './metrics/latencyHistogram';
import { P50_P95_P99 } from './metrics/logLinearHistogram';
import type { Accounting } from './metrics/accounting';
import type { NodeModel } from './model/node';

/** Samples kept for the taking at most; older ones are discarded so a long headless run stays flat. */
const MAX_PENDING = 4096;

/** Takes a time-series sample of every node each interval of simulated time. */
export class SeriesSampler {
  private pending: MetricSample[] = [];
  private lastPublished = 0;
  private lastAcked = 0;
  /** End-to-end latency of messages acked in the current interval. */
  readonly endToEnd = new LatencyHistogram();

  constructor(private readonly nodes: readonly NodeModel[], private readonly accounting: Accounting, readonly intervalMs: number) {
    // Nodes keep their interval latency only when there are samples to write it into.
    for (const node of nodes) node.intervalLatency?.enable();
  }

  sample(tMs: number): void {
    const stride = SAMPLE_FIELDS.length;
    const values = new Float64Array(this.nodes.length * stride);
    for (let i = 0; i < this.nodes.length; i++) this.nodes[i]!.writeSample(values, i * stride, this.intervalMs);
    const perSec = 1000 / this.intervalMs;
    const { published, acked } = this.accounting;
    const [p50, p95, p99] = this.endToEnd.percentiles(P50_P95_P99);
    this.pending.push({
      tMs, nodes: values,
      publishedPerSec: (published - this.lastPublished) * perSec, ackedPerSec: (acked - this.lastAcked) * perSec,
      p50: p50!, p95: p95!, p99: p99!,
    });
    if (this.pending.length > MAX_PENDING) this.pending.splice(0, this.pending.length - MAX_PENDING);
    this.lastPublished = published; this.lastAcked = acked; this.endToEnd.reset();
  }

  take(): MetricSample[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}
