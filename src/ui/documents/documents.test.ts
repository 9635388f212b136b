import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { parseScenario, type Scenario } from '../../schema';
import { AUTOSAVE_KEY, restoreAutosave, writeAutosave, type KeyValueStore } from './autosave';
import { fileNameFor } from './fileName';
import { decodeShareHash, encodeShareHash } from './shareLink';

function sample(): Scenario {
  const result = parseScenario({
    version: 3, name: 'Work queue', seed: 7,
    nodes: [
      { id: 'p', kind: 'producer', position: { x: 0, y: 0 }, config: { arrival: { type: 'constant', ratePerSec: 50 } } },
      { id: 'q', kind: 'queue', position: { x: 200, y: 0 } },
      { id: 'c', kind: 'consumer', position: { x: 400, y: 0 }, config: { prefetch: 3 } },
    ],
    edges: [{ id: 'p-q', source: 'p', target: 'q' }, { id: 'q-c', source: 'q', target: 'c' }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

function memoryStorage(initial: Record<string, string> = {}): KeyValueStore & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => { data[k] = v; } };
}

describe('share links', () => {
  it('round-trips a scenario through the URL hash', () => {
    const scenario = sample();
    const hash = encodeShareHash(scenario);
    expect(hash).toMatch(/^#scenario=[A-Za-z0-9+\-$]+$/);
    expect(decodeShareHash(hash)).toEqual({ ok: true, scenario });
  });

  it('ignores a hash that is not a scenario', () => {
    expect(decodeShareHash('#about')).toBeNull();
    expect(decodeShareHash('')).toBeNull();
  });

  it('reports a damaged link and a link with an invalid document', () => {
    const damaged = decodeShareHash('#scenario=%%%');
    expect(damaged?.ok).toBe(false);
    const invalid = decodeShareHash(`#scenario=${compressToEncodedURIComponent(JSON.stringify({ version: 3, nodes: [{ id: 'x', kind: 'teleporter' }] }))}`);
    expect(invalid?.ok === false && invalid.errors[0]?.path).toBe('nodes[0].kind');
  });
});

describe('autosave', () => {
  it('restores what it wrote', () => {
    const storage = memoryStorage();
    expect(writeAutosave(storage, sample())).toBeNull();
    expect(restoreAutosave(storage)).toEqual({ kind: 'restored', scenario: sample() });
  });

  it('reports nothing saved', () => {
    expect(restoreAutosave(memoryStorage())).toEqual({ kind: 'none' });
  });

  it('reports a corrupt entry with its errors instead of throwing', () => {
    const notJson = restoreAutosave(memoryStorage({ [AUTOSAVE_KEY]: '{"version": 2, nodes' }));
    expect(notJson.kind).toBe('corrupt');
    expect(notJson.kind === 'corrupt' && notJson.errors[0]?.code).toBe('invalid_json');
    const invalid = restoreAutosave(memoryStorage({ [AUTOSAVE_KEY]: JSON.stringify({ version: 3, nodes: [{ id: 'c', kind: 'consumer', config: { prefetch: 0 } }] }) }));
    expect(invalid.kind === 'corrupt' && invalid.errors.map((e) => e.path)).toEqual(['nodes[0].config.prefetch']);
  });

  it('returns an error sentence when the browser refuses to store', () => {
    const full: KeyValueStore = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(writeAutosave(full, sample())).toMatch(/could not autosave.*QuotaExceededError/);
  });
});

describe('file names', () => {
  it('turns the document name into a safe file name', () => {
    expect(fileNameFor('Topic routing / v2')).toBe('Topic-routing-v2.json');
    expect(fileNameFor('  ')).toBe('scenario.json');
  });
});
