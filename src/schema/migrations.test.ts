import { describe, expect, it } from 'vitest';
import { parseScenario, SCENARIO_VERSION } from './index';
import { versionOne, versionTwo } from './migrationFixtures';
import { migrate } from './migrations';

describe('version 1 documents', () => {
  it('migrate to the current version', () => {
    const result = parseScenario(versionOne);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { scenario } = result;
    expect(scenario.version).toBe(SCENARIO_VERSION);
    expect(scenario.durationMs).toBe(12_500);
    expect(scenario.edges[0]!.config).toEqual({ delayMs: 4 });
    expect(scenario.edges[1]!.config).toEqual({ bindingKey: 'a.#', delayMs: 2 });
    expect(scenario.name).toBe('Draft');
  });

  it('lose their old field names', () => {
    const result = migrate(versionOne);
    if (!result.ok) throw new Error('migration failed');
    expect(result.doc).not.toHaveProperty('durationSeconds');
    for (const edge of result.doc.edges as Record<string, unknown>[]) {
      expect(edge).not.toHaveProperty('bindingKey');
      expect(edge).not.toHaveProperty('delayMs');
    }
  });

  it('keep the default duration when durationSeconds is absent', () => {
    const { durationSeconds: _d, ...doc } = versionOne;
    const result = parseScenario(doc);
    expect(result.ok && result.scenario.durationMs).toBe(60_000);
  });

  it('do not change the input object', () => {
    const copy = structuredClone(versionOne);
    parseScenario(versionOne);
    expect(versionOne).toEqual(copy);
  });

  it('report errors at their version-2 paths', () => {
    const doc = structuredClone(versionOne);
    doc.edges[1]!.delayMs = -3;
    const result = parseScenario(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(['edges[1].config.delayMs']);
  });

  it('are not accepted with version-1 fields under version 2', () => {
    const result = parseScenario({ ...versionOne, version: 2 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual(expect.arrayContaining([
        { code: 'unknown_field', path: '', message: 'unknown field "durationSeconds"' },
        { code: 'unknown_field', path: 'edges[1]', message: 'unknown fields "bindingKey", "delayMs"' },
      ]));
    }
  });
});

describe('version 2 documents with faults', () => {
  const doc = versionTwo;

  it('turn the app\'s old Restart (a live 1 ms crash of a crashed node) into a restart: a heal of the crash', () => {
    const result = parseScenario(doc([
      { atMs: 1000, target: 'c', type: 'crash', live: true },
      { atMs: 3000, target: 'c', type: 'crash', durationMs: 1, live: true },
    ]));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.version).toBe(SCENARIO_VERSION);
    expect(result.scenario.faults).toEqual([
      { atMs: 1000, target: 'c', type: 'crash', live: true },
      { atMs: 3001, target: 'c', type: 'heal', of: 'crash', live: true },
    ]);
  });

  it('keep the old meaning of a partition inside a partition: healed where the inner one ended', () => {
    const result = parseScenario(doc([
      { atMs: 0, target: 'e', type: 'partition', durationMs: 10_000 },
      { atMs: 2000, target: 'e', type: 'partition', durationMs: 2000 },
    ]));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.faults.filter((f) => f.type === 'heal').map((f) => f.atMs)).toEqual([10_000, 4000]);
  });

  it('keep faults that never overlap as they are', () => {
    const faults = [{ atMs: 0, target: 'c', type: 'crash', durationMs: 1000 }, { atMs: 2000, target: 'c', type: 'crash', durationMs: 1 }];
    const result = migrate(doc(faults));
    expect(result.ok && result.doc.faults).toBe(faults);
  });

  it('leave faults the schema refuses for it to report', () => {
    const result = parseScenario(doc([{ atMs: 0, target: 'c', type: 'crash', durationMs: -5 }, { atMs: 0, target: 'c', type: 'crash' }]));
    expect(!result.ok && result.errors.map((e) => e.path)).toEqual(['faults[0].durationMs']);
  });
});
