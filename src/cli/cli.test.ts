/** runCli in-process with fake IO: every branch, fast. The child-process tests are in main.test.ts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli';
import { EXIT } from './exitCodes';
import type { ReadResult } from './io';

const root = join(import.meta.dirname, '../..');

function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const readFile = (path: string): ReadResult => {
    if (path in files) return { ok: true, text: files[path]! };
    try {
      return { ok: true, text: readFileSync(join(root, path), 'utf8') };
    } catch {
      return { ok: false, error: { code: 'unreadable_file', message: `cannot read ${path}: no such file` } };
    }
  };
  const code = runCli(argv, { readFile, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

describe('runCli', () => {
  it('prints the summary tables without --json', () => {
    const r = run(['examples/pub-sub.json', '--until', '2']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Scenario: Publish\/subscribe with a fanout exchange$/m);
    expect(r.stdout).toMatch(/^Seed 1 · 2 simulated seconds · \d+ events$/m);
    expect(r.stdout).toMatch(/✓ acked \+ queued \+ in flight \+ dead-lettered \+ dropped = \d+ = produced/);
    expect(r.stdout).toMatch(/^ {2}events\s+exchange \(fanout\)/m);
    expect(r.stdout).toMatch(/^ {2}email-service\s+consumer \(manual\)/m);
  });

  it('runs to the scenario duration unless --until is given', () => {
    const full = JSON.parse(run(['examples/topic-routing.json', '--json']).stdout);
    const short = JSON.parse(run(['examples/topic-routing.json', '--json', '--until', '0.5']).stdout);
    expect(full.simulatedSeconds).toBe(20);
    expect(short.simulatedSeconds).toBe(0.5);
    expect(short.messages.published).toBeLessThan(full.messages.published);
  });

  it('keeps the audit unless --no-audit is given, and changes no other figure', () => {
    const withAudit = JSON.parse(run(['examples/consumer-crash-auto-ack.json', '--json']).stdout);
    const without = JSON.parse(run(['examples/consumer-crash-auto-ack.json', '--json', '--no-audit']).stdout);
    expect(withAudit.audit.consumers['auto-worker'].guarantee).toBe('at-most-once');
    expect(without.audit).toBeUndefined();
    expect({ ...without }).toEqual((({ audit: _, ...rest }) => rest)(withAudit));
    expect(run(['examples/consumer-crash-auto-ack.json', '--no-audit']).stdout).not.toMatch(/Delivery-guarantee audit/);
  });

  it('uses the scenario seed unless --seed is given', () => {
    expect(JSON.parse(run(['examples/mm1.json', '--json', '--until', '1']).stdout).seed).toBe(42);
    expect(JSON.parse(run(['examples/mm1.json', '--json', '--until', '1', '--seed', '5']).stdout).seed).toBe(5);
  });

  it('prints help on stdout and exits 0', () => {
    const r = run(['--help']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/^usage: npm run sim -- <scenario\.json>/);
    expect(r.stdout).toContain('exit codes: 0 ran, 1 invalid scenario or unreadable file, 2 bad arguments, 3 engine error');
  });

  it.each([
    [['examples/one-way.json', '--fast'], 'unknown option --fast'],
    [[], 'a scenario file is required'],
    [['examples/one-way.json', '--seed', '1.5'], '--seed must be a whole number from 0 to 4294967295, got "1.5"'],
    [['examples/one-way.json', '--until', 'NaN'], '--until must be a number of seconds ≥ 0, got "NaN"'],
  ])('exits 2 with the error and a usage line for %j', (argv, message) => {
    const r = run(argv);
    expect(r.code).toBe(EXIT.badArguments);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([`error: ${message}`, expect.stringMatching(/^usage: /)]);
  });

  it('exits 1 for a missing file', () => {
    const r = run(['nope.json']);
    expect(r.code).toBe(EXIT.invalidScenario);
    expect(r.stderr).toBe('cannot read nope.json: no such file\n');
  });

  it('exits 1 for text that is not JSON', () => {
    const r = run(['s.json'], { 's.json': '{ "version": 2,' });
    expect(r.code).toBe(EXIT.invalidScenario);
    expect(r.stderr.split('\n')[1]).toMatch(/^not valid JSON: /);
  });

  it('prints each topology warning on stderr and still runs: exit 0, the same JSON on stdout', () => {
    const gap = {
      version: 3, name: 'gap', durationMs: 1000,
      nodes: [{ id: 'client', kind: 'requester', config: { timeoutMs: 100 } }, { id: 'requests', kind: 'queue' }, { id: 'worker', kind: 'consumer' }],
      edges: [{ id: 'e1', source: 'client', target: 'requests' }, { id: 'e2', source: 'requests', target: 'worker' }],
    };
    const r = run(['gap.json', '--json'], { 'gap.json': JSON.stringify(gap) });
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toMatch(/^warning: nodes\[2\]: consumer "worker" answers requests from requester "client" but has no edge to their Return Address "client": .+\n$/);
    // The warning says what the run shows: the replies are dropped as unroutable.
    expect(JSON.parse(r.stdout).messages.droppedByReason.unroutable).toBeGreaterThan(0);
    // With the edge drawn there is nothing to say.
    const mended = run(['gap.json', '--json'], { 'gap.json': JSON.stringify({ ...gap, edges: [...gap.edges, { id: 'e3', source: 'worker', target: 'client' }] }) });
    expect(mended.stderr).toBe('');
  });

  it('exits 1 for a newer version, naming the field', () => {
    const r = run(['s.json'], { 's.json': '{ "version": 9, "nodes": [] }' });
    expect(r.code).toBe(EXIT.invalidScenario);
    expect(r.stderr).toBe('s.json: invalid scenario (1 error)\nversion: version 9 is newer than this Brokerlab understands (up to 3); update Brokerlab to open it\n');
  });
});
