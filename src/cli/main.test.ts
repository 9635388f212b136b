/** The real CLI in a child process, as `npm run sim` runs it: exit codes 0–3, stdout/stderr, determinism. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'brokerlab-cli-'));

interface Ran { code: number | null; stdout: string; stderr: string }

/** Runs the CLI with tsx, without a shell; resolves whatever the exit code. */
function sim(...args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }));
  });
}

function scenarioFile(name: string, doc: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

describe('npm run sim (child process)', () => {
  it('exits 0 and prints exactly one JSON object with --json; tutorial 5 routes as the tutorial says', async () => {
    const r = await sim('examples/topic-routing.json', '--json', '--until', '20');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['scenario', 'seed', 'simulatedSeconds', 'events', 'messages', 'latencyMs', 'queueWaitMs', 'nodes', 'audit']);
    expect(report.simulatedSeconds).toBe(20);
    const m = report.messages;
    expect(m.acked + m.queued + m.inFlight + m.deadLettered + m.dropped).toBe(m.produced);
    // 9 keys × 10: Q1 (*.orange.*) takes 3 keys, Q2 (*.*.rabbit, lazy.#) 5, and 3 match nothing (A1.2, A1.1.5, A1.1.7).
    expect(report.nodes.q1.in).toBe(30);
    expect(report.nodes.q2.in).toBe(50);
    expect(m.routedCopies).toBe(20);
    expect(m.droppedByReason).toEqual({ unroutable: 30 });
  });

  it('gives byte-identical JSON for the same file and seed, and different JSON for another seed', async () => {
    const a = await sim('examples/one-way.json', '--json', '--until', '5', '--seed', '11');
    const b = await sim('examples/one-way.json', '--seed=11', '--until=5', '--json');
    const c = await sim('examples/one-way.json', '--json', '--until', '5', '--seed', '12');
    expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
    expect(JSON.parse(a.stdout).messages.produced).toBeGreaterThan(0);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).not.toBe(a.stdout);
    expect(JSON.parse(c.stdout).seed).toBe(12);
  });

  it('exits 1 with one `path: message` line per schema error on stderr', async () => {
    const file = scenarioFile('bad.json', {
      version: 3,
      nodes: [{ id: 'p', kind: 'producer' }, { id: 'c', kind: 'consumer', config: { prefetch: -2 } }],
      edges: [{ id: 'e', source: 'p', target: 'c' }],
    });
    const r = await sim(file, '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `${file}: invalid scenario (2 errors)`,
      'nodes[1].config.prefetch: must be a whole number ≥ 1 and ≤ 65535, got -2',
      'edges[0]: a producer cannot connect to a consumer; a producer can connect to: exchange, queue, filter, router',
    ]);
  });

  it('exits 2 with the error and a usage line for a bad argument', async () => {
    const r = await sim('examples/one-way.json', '--until', '-3');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: --until must be a number of seconds ≥ 0, got "-3"\nusage: npm run sim -- <scenario.json> [--seed N] [--until SECONDS] [--json] [--no-audit] [--help]\n');
  });

  it('exits 3 when the engine stops with an error', async () => {
    // A consumer that fails every message instantly requeues it forever without time passing: a livelock.
    const file = scenarioFile('livelock.json', {
      version: 3,
      nodes: [
        { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 1 }, count: 1 } },
        { id: 'q', kind: 'queue' },
        { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 0 }, failureProbability: 1 } },
      ],
      edges: [{ id: 'a', source: 'p', target: 'q' }, { id: 'b', source: 'q', target: 'c' }],
    });
    const r = await sim(file, '--json', '--until', '2');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^engine error \(\w+\): .+\n$/);
  });
});

describe('npm run sim: the delivery-guarantee audit', () => {
  it('reports the audit under an `audit` key, with each consumer’s guarantee', async () => {
    const file = scenarioFile('crash.json', {
      version: 3, durationMs: 5000,
      nodes: [
        { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 100 } } },
        { id: 'q', kind: 'queue' },
        { id: 'c', kind: 'consumer', config: { ackMode: 'auto', serviceTimeMs: { type: 'constant', value: 20 } } },
      ],
      edges: [{ id: 'e1', source: 'p', target: 'q' }, { id: 'e2', source: 'q', target: 'c' }],
      faults: [{ atMs: 2000, target: 'c', type: 'crash', durationMs: 1000 }, { atMs: 4000, target: 'c', type: 'crash' }, { atMs: 4500, target: 'c', type: 'heal', of: 'crash' }],
    });
    const r = await sim(file, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report.audit)).toEqual(['produced', 'deliveredOnce', 'deliveredMoreThanOnce', 'duplicates', 'lost', 'lostByReason', 'droppedAfterProcessing', 'deadLettered', 'outOfOrder', 'consumers', 'competing', 'faults']);
    expect(report.audit.competing).toEqual([]); // one consumer: no group of competing consumers
    expect(report.audit.consumers.c.guarantee).toBe('at-most-once');
    expect(report.audit.lostByReason.lostAfterAutoAck).toBeGreaterThan(0);
    expect(report.audit.faults).toEqual([
      { atMs: 2000, endMs: 3000, target: 'c', type: 'crash' },
      { atMs: 4000, endMs: null, target: 'c', type: 'crash', healedAtMs: 4500 },
      { atMs: 4500, endMs: 4500, target: 'c', type: 'heal', of: 'crash' },
    ]);
    expect((await sim(file)).stdout).toContain('faults: crash c at 2s–3s, crash c at 4s–4.5s (restarted), restart c at 4.5s');
  });

  it('reports a crash restarted at the instant it started (Crash, then Restart, in a paused run) as lasting 0 ms', async () => {
    const file = scenarioFile('restarted-at-once.json', {
      version: 3, durationMs: 5000,
      nodes: [{ id: 'p', kind: 'producer' }, { id: 'q', kind: 'queue' }, { id: 'c1', kind: 'consumer' }],
      edges: [{ id: 'e1', source: 'p', target: 'q' }, { id: 'e2', source: 'q', target: 'c1' }],
      faults: [{ atMs: 2000, target: 'c1', type: 'crash', live: true }, { atMs: 2000, target: 'c1', type: 'heal', of: 'crash', live: true }],
    });
    const report = JSON.parse((await sim(file, '--json')).stdout);
    expect(report.audit.faults[0]).toEqual({ atMs: 2000, endMs: null, target: 'c1', type: 'crash', healedAtMs: 2000 });
    expect((await sim(file)).stdout).toContain('faults: crash c1 at 2s–2s (restarted at once), restart c1 at 2s');
  });

  it('prints competing consumers as a group, each loss once (EIP Competing Consumers)', async () => {
    const file = scenarioFile('competing.json', {
      version: 3, durationMs: 5000,
      nodes: [
        { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 100 }, count: 300 } },
        { id: 'q', kind: 'queue' },
        { id: 'c1', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 20 } } },
        { id: 'c2', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 20 } } },
      ],
      edges: [{ id: 'e1', source: 'p', target: 'q' }, { id: 'e2', source: 'q', target: 'c1' }, { id: 'e3', source: 'q', target: 'c2' }],
      faults: [{ atMs: 1000, target: 'q', type: 'crash', durationMs: 500 }],
    });
    const json = JSON.parse((await sim(file, '--json')).stdout);
    const [group] = json.audit.competing;
    expect(group).toMatchObject({ consumers: ['c1', 'c2'], queues: ['q'], guarantee: 'at-most-once' });
    expect(group.lost).toBeGreaterThan(0);
    expect(json.audit.consumers.c1.lost + json.audit.consumers.c2.lost).toBe(2 * group.lost);
    const text = (await sim(file)).stdout;
    expect(text).toContain(`competing c1, c2 on q: processed ${group.processed} · duplicates 0 · lost ${group.lost} · at-most-once`);
  });
});
