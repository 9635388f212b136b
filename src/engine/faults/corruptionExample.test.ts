/** The claims of examples/corruption-checksum.json, checked on a real run. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../schema';
import type { NodeReport } from '../api';
import { createSimulation } from '../simulation';

const parsed = parseScenario(JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples/corruption-checksum.json'), 'utf8')));
if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
const sc = parsed.scenario;
const field = (r: NodeReport | undefined, name: string) => r?.[name] as number;
const fault = sc.faults[0]!;

describe('examples/corruption-checksum.json', () => {
  const sim = createSimulation(sc);
  sim.runUntil(fault.atMs);
  const before = sim.snapshot();
  sim.runUntil(sc.durationMs);
  const end = sim.snapshot();

  it('damages nothing before the fault', () => {
    expect(field(before.nodes.checker, 'corruptRejected') + field(before.nodes.trusting, 'corruptProcessed')).toBe(0);
  });

  it('the checker rejects the damaged messages, which rest in the DLQ as rejected', () => {
    const rejected = field(end.nodes.checker, 'corruptRejected');
    expect(rejected).toBeGreaterThan(0);
    expect(field(end.nodes['uploads-dlq'], 'ready')).toBe(rejected);
    expect(field(end.nodes.uploads, 'deadLettered')).toBe(rejected);
    expect(end.messages.deadLettered).toBe(rejected);
    expect(field(end.nodes.checker, 'acked') + rejected).toBe(field(end.nodes.uploads, 'in'));
  });

  it('about the fault probability of what crossed the link while it lasted was damaged', () => {
    const p = (fault as { probability: number }).probability;
    const sent = field(end.nodes.uploader, 'out') * (fault.durationMs! / sc.durationMs);
    const rejected = field(end.nodes.checker, 'corruptRejected');
    expect(Math.abs(rejected - sent * p)).toBeLessThan(5 * Math.sqrt(sent * p * (1 - p)));
  });

  it('the trusting consumer processes damaged messages as if sound, and acks them', () => {
    expect(field(end.nodes.trusting, 'corruptProcessed')).toBeGreaterThan(0);
    expect(field(end.nodes.trusting, 'acked')).toBe(field(end.nodes['uploads-unchecked'], 'in'));
    expect(end.nodes['uploads-unchecked']).toMatchObject({ deadLettered: 0 });
  });
});
