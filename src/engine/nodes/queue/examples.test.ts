/**
 * The claims of examples/fifo-message-groups.json, exactly-once.json and permissions.json, each checked
 * on a real run of the example (semantics.md A2.3; permissions).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../../schema';
import type { NodeReport, Snapshot } from '../../api';
import { createSimulation } from '../../simulation';

function example(file: string): Scenario {
  const r = parseScenario(JSON.parse(readFileSync(join(import.meta.dirname, '../../../../examples', file), 'utf8')));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}

function run(file: string): { sc: Scenario; end: Snapshot } {
  const sc = example(file);
  const sim = createSimulation(sc);
  sim.runUntil(sc.durationMs);
  return { sc, end: sim.snapshot() };
}

const field = (r: NodeReport | undefined, name: string) => r?.[name] as number;
const balanced = (s: Snapshot) => {
  const m = s.messages;
  return m.acked + m.queued + m.inFlight + m.deadLettered + m.dropped === m.produced;
};

describe('examples/fifo-message-groups.json', () => {
  const { sc, end } = run('fifo-message-groups.json');
  const workers = (prefix: string) => sc.nodes.filter((n) => n.id.startsWith(prefix)).map((n) => n.id);
  const audit = end.audit!;

  it('has three competing workers that fail sometimes on each side', () => {
    for (const prefix of ['fifo-worker', 'standard-worker']) {
      expect(workers(prefix)).toHaveLength(3);
      expect(workers(prefix).reduce((n, id) => n + field(end.nodes[id], 'nacked'), 0)).toBeGreaterThan(0);
    }
  });

  it('the FIFO queue keeps each group in order: outOfOrder 0 for every fifo-worker', () => {
    for (const id of workers('fifo-worker')) expect(audit.consumers[id]!.outOfOrder, id).toBe(0);
  });

  it('the standard queue with the same load does not: outOfOrder > 0', () => {
    expect(workers('standard-worker').reduce((n, id) => n + audit.consumers[id]!.outOfOrder, 0)).toBeGreaterThan(0);
  });

  it('a failure holds up its group: the FIFO queue backs up more than the standard one', () => {
    expect(field(end.nodes['orders-fifo'], 'maxReady')).toBeGreaterThan(field(end.nodes['orders-standard'], 'maxReady'));
    expect(balanced(end)).toBe(true);
  });
});

describe('examples/exactly-once.json', () => {
  const { end } = run('exactly-once.json');
  const audit = end.audit!;

  it('the publish-link delay makes both checkouts retry', () => {
    expect(field(end.nodes.checkout, 'retries')).toBeGreaterThan(0);
    expect(field(end.nodes['checkout-standard'], 'retries')).toBeGreaterThan(0);
  });

  it('FIFO deduplication accepts the retried sends without delivering them; their confirms are acked', () => {
    const retried = field(end.nodes.checkout, 'retries');
    expect(field(end.nodes['orders-fifo'], 'deduplicated')).toBe(retried);
    expect(end.messages.droppedByReason.deduplicated).toBe(retried);
    expect(field(end.nodes.checkout, 'nacked')).toBe(0);
  });

  it('the idempotent billing skips the redeliveries of the slow period: duplicates 0, exactly-once', () => {
    expect(audit.consumers.billing!.skippedDuplicates).toBeGreaterThan(0);
    expect(audit.consumers.billing).toMatchObject({ duplicates: 0, lost: 0, guarantee: 'exactly-once' });
  });

  it('the standard path processes retried copies and redeliveries again: at-least-once', () => {
    expect(audit.consumers.email!.duplicates).toBeGreaterThan(0);
    expect(audit.consumers.email).toMatchObject({ lost: 0, guarantee: 'at-least-once' });
    expect(audit.lost).toBe(0);
    expect(balanced(end)).toBe(true);
  });
});

describe('examples/permissions.json', () => {
  const { sc, end } = run('permissions.json');
  const queue = end.nodes['payment-requests'];

  it('refuses every publish of rogue-app at the exchange: no nack, its client fails them as the channel closes', () => {
    expect(field(end.nodes.payments, 'refused')).toBe(field(end.nodes['rogue-app'], 'out'));
    expect(field(end.nodes['rogue-app'], 'nacked')).toBe(0);
    expect(field(end.nodes['rogue-app'], 'connectionFailures')).toBe(field(end.nodes['rogue-app'], 'out'));
  });

  it('an SQS queue policy refuses legacy-import sending to import-requests, and lets batch-import', () => {
    const imports = end.nodes['import-requests'];
    expect(field(imports, 'refusedPublish')).toBe(field(end.nodes['legacy-import'], 'out'));
    expect(field(imports, 'in')).toBe(field(end.nodes['batch-import'], 'out'));
    expect(field(queue, 'in')).toBe(field(end.nodes.shop, 'out'));
    expect(end.messages.droppedByReason).toEqual({ accessRefused: field(end.nodes['rogue-app'], 'out') + field(end.nodes['legacy-import'], 'out') });
  });

  it('refuses snooper once per subscription (1 + each return online) and every poll of scraper', () => {
    const snooper = sc.nodes.find((n) => n.id === 'snooper')!.config as { offline: unknown[] };
    expect(field(queue, 'refusedConsume')).toBe(1 + snooper.offline.length + field(end.nodes.scraper, 'polls'));
    expect(field(end.nodes.snooper, 'in') + field(end.nodes.scraper, 'in')).toBe(0);
  });

  it('payment-worker processes every permitted payment', () => {
    expect(end.audit!.consumers['payment-worker']).toMatchObject({ lost: 0, guarantee: 'exactly-once' });
    expect(field(end.nodes['payment-worker'], 'in')).toBe(field(queue, 'in'));
    expect(balanced(end)).toBe(true);
  });
});
