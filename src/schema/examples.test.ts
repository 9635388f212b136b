import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError, parseScenarioText, topologyWarnings } from './index';
import { crampedEdges, overlappingNodes } from './nodeOverlaps';

const dir = join(import.meta.dirname, '../../examples');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('examples/', () => {
  it('holds the documented examples', () => {
    expect(files).toEqual(expect.arrayContaining([
      'competing-consumers.json', 'mm1.json', 'one-way.json', 'order-pipeline.json', 'pub-sub.json', 'topic-routing.json',
      'auto-vs-manual-ack.json', 'headers-exchange.json', 'poison-dlq.json', 'priority.json', 'sns-filter-fanout.json',
      'sqs-visibility-redrive.json', 'ttl-and-length-limit.json',
      // The messaging patterns (issue 6).
      'request-reply.json', 'publish-async-response.json', 'sync-vs-async-chain.json', 'scatter-gather-auction.json',
      'scatter-gather-recipient-list.json', 'topic-queue-chaining.json', 'load-levelling.json', 'fifo-message-groups.json',
      'exactly-once.json', 'permissions.json', 'corruption-checksum.json',
    ]));
  });

  it.each(files)('%s parses as a version-3 document with a description', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const result = parseScenarioText(text);
    if (!result.ok) throw new Error(`${file}:\n${result.errors.map(formatError).join('\n')}`);
    expect((JSON.parse(text) as { version: unknown }).version).toBe(3);
    expect(result.scenario.description.length).toBeGreaterThan(40);
  });

  it.each(files)('%s has readable ids and names every node and edge once', (file) => {
    const result = parseScenarioText(readFileSync(join(dir, file), 'utf8'));
    if (!result.ok) throw new Error('does not parse');
    for (const { id } of [...result.scenario.nodes, ...result.scenario.edges]) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it.each(files)('%s lays its nodes out without one on top of another', (file) => {
    const result = parseScenarioText(readFileSync(join(dir, file), 'utf8'));
    if (!result.ok) throw new Error('does not parse');
    expect(overlappingNodes(result.scenario)).toEqual([]);
    expect(crampedEdges(result.scenario), 'edges with no room between their nodes').toEqual([]);
  });

  it.each(files)('%s lays its nodes out without overlaps', (file) => {
    const result = parseScenarioText(readFileSync(join(dir, file), 'utf8'));
    if (!result.ok) throw new Error('does not parse');
    const spots = result.scenario.nodes.map((n) => `${n.position.x},${n.position.y}`);
    expect(new Set(spots).size).toBe(spots.length);
  });

  it.each(files)('%s draws every way it needs: no topology warnings', (file) => {
    const result = parseScenarioText(readFileSync(join(dir, file), 'utf8'));
    if (!result.ok) throw new Error('does not parse');
    expect(topologyWarnings(result.scenario).map(formatError)).toEqual([]);
  });
});
