import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LatencySummary, Snapshot } from '../engine';
import { parseScenarioText, type Fault, type Scenario } from '../schema';
import { accountedFor, buildReport, renderJson, type Report } from './report';
import { runScenario } from './run';
import { formatSummary } from './table';

const summary = (count: number, base: number): LatencySummary => ({ max: base * 4, p99: base * 3, p95: base * 2, p50: base, mean: base * 1.25, count });

/** A snapshot written with keys in scrambled order, as an engine might produce them. */
function snapshot(): Snapshot {
  return {
    nodes: {
      'orders-api': { out: 12, kind: 'producer' },
      orders: { queueWaitMs: summary(11, 2), ready: 1, kind: 'queue', flavor: 'classic', in: 12, out: 11, acked: 10, dropped: 0 },
      'worker-1': { utilisation: 0.4567, latencyMs: summary(10, 5), kind: 'consumer', ackMode: 'manual', in: 11, acked: 10, out: 0 },
      x: { kind: 'exchange', type: 'topic', droppedByReason: { unroutable: 2 }, in: 3, out: 1, dropped: 2 },
    },
    queueWaitMs: summary(11, 2),
    latencyMs: summary(10, 5),
    messages: {
      droppedByReason: { unroutable: 2, lostAfterAutoAck: 1 }, dropped: 3, deadLettered: 0, inFlight: 1, queued: 1, acked: 10,
      retried: 0, forwarded: 0, routedCopies: 0, published: 15, produced: 15,
    },
    events: 99,
    timeMs: 2500,
    seed: 7,
  };
}

describe('buildReport', () => {
  const report = buildReport(snapshot(), 'Demo');

  it('has the documented fields in a fixed order', () => {
    expect(Object.keys(report)).toEqual(['scenario', 'seed', 'simulatedSeconds', 'events', 'messages', 'latencyMs', 'queueWaitMs', 'nodes']);
    expect(Object.keys(report.messages)).toEqual(['produced', 'published', 'routedCopies', 'forwarded', 'retried', 'acked', 'queued', 'inFlight', 'deadLettered', 'dropped', 'droppedByReason']);
    expect(Object.keys(report.latencyMs)).toEqual(['count', 'mean', 'p50', 'p95', 'p99', 'max']);
    expect(Object.keys(report.messages.droppedByReason)).toEqual(['lostAfterAutoAck', 'unroutable']);
  });

  it('converts simulated time to seconds and keeps the figures', () => {
    expect(report).toMatchObject({ scenario: 'Demo', seed: 7, simulatedSeconds: 2.5, events: 99 });
    expect(report.latencyMs).toEqual(summary(10, 5));
    expect(report.messages.produced).toBe(15);
  });

  it('keeps nodes in scenario order, kind and its qualifier first, then counters', () => {
    expect(Object.keys(report.nodes)).toEqual(['orders-api', 'orders', 'worker-1', 'x']);
    expect(Object.keys(report.nodes.orders!)).toEqual(['kind', 'flavor', 'in', 'out', 'acked', 'dropped', 'queueWaitMs', 'ready']);
    expect(Object.keys(report.nodes['worker-1']!)).toEqual(['kind', 'ackMode', 'in', 'out', 'acked', 'latencyMs', 'utilisation']);
    expect(Object.keys(report.nodes['worker-1']!.latencyMs as object)).toEqual(['count', 'mean', 'p50', 'p95', 'p99', 'max']);
  });

  it('gives the same JSON for snapshots that differ only in key order', () => {
    const s = snapshot();
    const reordered: Snapshot = { ...s, messages: { ...s.messages }, nodes: Object.fromEntries(Object.entries(s.nodes).map(([id, n]) => [id, Object.fromEntries(Object.entries(n).reverse()) as typeof n])) };
    expect(renderJson(buildReport(reordered, 'Demo'))).toBe(renderJson(report));
  });

  it('writes NaN (no samples) as null', () => {
    const s = snapshot();
    s.latencyMs = { count: 0, mean: Number.NaN, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN };
    expect(JSON.parse(renderJson(buildReport(s, 'Demo'))).latencyMs).toEqual({ count: 0, mean: null, p50: null, p95: null, p99: null, max: null });
  });
});

describe('accountedFor', () => {
  it('adds up the states a message copy can be in', () => {
    expect(accountedFor(snapshot().messages)).toBe(10 + 1 + 1 + 0 + 3);
  });
});

describe('formatSummary', () => {
  it('shows loss columns only when some node lost something to a fault', () => {
    const header = (s: Snapshot) => formatSummary(buildReport(s, 'Demo')).split('\n').find((l) => l.trim().startsWith('node'))!;
    const calm = snapshot();
    calm.nodes.orders = { ...calm.nodes.orders!, lostOnOutage: 0, lostBeforeConfirm: 0 };
    expect(header(calm)).not.toMatch(/lost/);
    const outage = snapshot();
    outage.nodes.orders = { ...outage.nodes.orders!, lostOnOutage: 0, lostBeforeConfirm: 3 };
    expect(header(outage)).toMatch(/lost on outage\s+lost unconfirmed$/);
    const row = formatSummary(buildReport(outage, 'Demo')).split('\n').find((l) => l.trim().startsWith('orders '))!;
    expect(row).toMatch(/\s0\s+3$/);
  });

  it('shows the totals, the check, latency and a row per node', () => {
    const text = formatSummary(buildReport(snapshot(), 'Demo'));
    expect(text).toContain('Scenario: Demo');
    expect(text).toContain('Seed 7 · 2.5 simulated seconds · 99 events');
    expect(text).toMatch(/produced\s+15\s+published 15 \+ routed copies 0 \+ forwarded 0/);
    expect(text).toMatch(/dropped\s+3\s+lostAfterAutoAck 1, unroutable 2/);
    expect(text).toContain('✓ acked + queued + in flight + dead-lettered + dropped = 15 = produced');
    expect(text).toMatch(/samples\s+mean\s+p50\s+p95\s+p99\s+max\n\s+10\s+6\.25\s+5\s+10\s+15\s+20/);
    expect(text).toMatch(/worker-1\s+consumer \(manual\)\s+11\s+0\s+10/);
    expect(text).toMatch(/x\s+exchange \(topic\)\s+3\s+1\s+2/);
    expect(text).toContain('0.457');
  });

  it('flags totals that do not add up', () => {
    const s = snapshot();
    s.messages.produced = 17;
    expect(formatSummary(buildReport(s, 'Demo'))).toContain('✗ acked + queued + in flight + dead-lettered + dropped = 15, but produced = 17 (off by -2)');
  });
});

/** An example, with more faults added to its timeline, run as the CLI runs it. */
function runExample(file: string, faults: Fault[] = []): Report {
  const parsed = parseScenarioText(readFileSync(join(import.meta.dirname, '../../examples', file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  const scenario: Scenario = { ...parsed.scenario, faults: [...parsed.scenario.faults, ...faults] };
  const outcome = runScenario(scenario, {});
  if (!outcome.ok) throw new Error(outcome.error.message);
  return buildReport(outcome.snapshot, scenario.name);
}

/**
 * The cell of a summary table (found by its title's first words) in a node's row, under a column header: a
 * number is right-aligned, so it ends where its header ends; a blank cell reads ''.
 */
function summaryCell(text: string, title: string, node: string, header: string): string | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(title));
  const [head, ...rows] = lines.slice(start + 1, lines.indexOf('', start));
  const found = [...head!.matchAll(/\S+(?: \S+)*/g)].find((m) => m[0] === header);
  const row = rows.find((l) => l.trim().split(/\s+/)[0] === node);
  if (!found || !row) return undefined;
  return /(\S*)$/.exec(row.slice(0, found.index + header.length))![1];
}

describe('formatSummary of a real run', () => {
  it("shows what crashes cost a Scatter-Gather: the requester's abandoned requests, the aggregator's replies dropped while down", () => {
    const report = runExample('scatter-gather-auction.json', [
      { type: 'crash', target: 'auctioneer', atMs: 40_000, durationMs: 5_000 },
      { type: 'crash', target: 'buyer', atMs: 50_000, durationMs: 5_000 },
    ]);
    const text = formatSummary(report);
    const { abandoned } = report.nodes.buyer!;
    const { droppedWhileDown } = report.nodes.auctioneer!;
    expect(abandoned).toBeGreaterThan(0);
    expect(droppedWhileDown).toBeGreaterThan(0);
    expect(summaryCell(text, 'Requesters', 'buyer', 'abandoned')).toBe(String(abandoned));
    expect(summaryCell(text, 'Aggregators', 'auctioneer', 'dropped while down')).toBe(String(droppedWhileDown));
  });

  it('leaves the loss columns out of a run without crashes', () => {
    const text = formatSummary(runExample('scatter-gather-auction.json'));
    expect(summaryCell(text, 'Requesters', 'buyer', 'sent')).toMatch(/^\d+$/);
    expect(text).not.toMatch(/abandoned|dropped while down/);
  });

  it("shows the permissions example's refusals per queue and exchange, as --json has them", () => {
    const report = runExample('permissions.json');
    const text = formatSummary(report);
    const figures: [node: string, field: string, header: string][] = [
      ['payments', 'refused', 'refused'], ['payment-requests', 'refusedConsume', 'refused consume'], ['import-requests', 'refusedPublish', 'refused publish'],
    ];
    for (const [node, field, header] of figures) {
      expect(report.nodes[node]![field]).toBeGreaterThan(0);
      expect(summaryCell(text, 'Deduplication and permissions', node, header)).toBe(String(report.nodes[node]![field]));
    }
  });

  it("shows the checksum example's corrupt messages per consumer, as --json has them", () => {
    const report = runExample('corruption-checksum.json');
    const text = formatSummary(report);
    for (const [node, field, header] of [['checker', 'corruptRejected', 'corrupt rejected'], ['trusting', 'corruptProcessed', 'corrupt processed']] as const) {
      expect(report.nodes[node]![field]).toBeGreaterThan(0);
      expect(summaryCell(text, 'Responders and integrity', node, header)).toBe(String(report.nodes[node]![field]));
    }
  });
});
