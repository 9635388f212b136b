/**
 * Documents of older format versions, for the migration tests and the JSON Schema's (src/cli/jsonSchema.test.ts):
 * both must accept them. Unparsed.
 */

/** Version 1, the draft format: edge fields at the top level, the run length in seconds. */
export const versionOne = {
  version: 1,
  name: 'Draft',
  durationSeconds: 12.5,
  nodes: [
    { id: 'p', kind: 'producer' },
    { id: 'x', kind: 'exchange', config: { type: 'topic' } },
    { id: 'q', kind: 'queue' },
  ],
  edges: [
    { id: 'publish', source: 'p', target: 'x', delayMs: 4 },
    { id: 'bind', source: 'x', target: 'q', bindingKey: 'a.#', delayMs: 2, config: {} },
  ],
};

/** Version 2, with the faults given: a queue and its consumer. */
export const versionTwo = (faults: unknown[]) => ({
  version: 2, nodes: [{ id: 'q', kind: 'queue' }, { id: 'c', kind: 'consumer' }], edges: [{ id: 'e', source: 'q', target: 'c' }], faults,
});

/** Version 2 faults whose meaning the migration keeps with heals: the app's old Restart (a live 1 ms crash), nested partitions. */
export const versionTwoFaults = [
  { atMs: 1000, target: 'c', type: 'crash', live: true },
  { atMs: 3000, target: 'c', type: 'crash', durationMs: 1, live: true },
  { atMs: 0, target: 'e', type: 'partition', durationMs: 10_000 },
  { atMs: 2000, target: 'e', type: 'partition', durationMs: 2000 },
];
