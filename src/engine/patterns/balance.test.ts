/** The pattern examples stay balanced at every simulated second, not only at the end. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../schema';
import { createSimulation } from '../simulation';

const FILES = ['scatter-gather-auction.json', 'scatter-gather-recipient-list.json', 'topic-queue-chaining.json', 'load-levelling.json'];

describe('pattern examples', () => {
  it.each(FILES)('%s: produced = acked + queued + inFlight + deadLettered + dropped at every second', (file) => {
    const r = parseScenario(JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples', file), 'utf8')));
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    const sim = createSimulation(r.scenario, { sampling: false });
    for (let t = 1000; t <= r.scenario.durationMs; t += 1000) {
      expect(sim.runUntil(t).error).toBeUndefined();
      const m = sim.snapshot().messages;
      expect(m.acked + m.queued + m.inFlight + m.deadLettered + m.dropped, `${file} at ${t} ms`).toBe(m.produced);
    }
  });
});
