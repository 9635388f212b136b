import { describe, expect, it } from 'vitest';
import { newMessage } from '../../model/message';
import { Deduplication } from './deduplication';

const message = (id: number, groupId: string, dedupId = '') => newMessage(id, 0, { routingKey: 'k', headers: {}, priority: -1, sizeBytes: 1, poison: false, persistent: false, expirationMs: -1, mandatory: false, trail: null, groupId, dedupId });
const settings = { contentBasedDeduplication: true, deduplicationScope: 'queue' as const, deduplicationWindowMs: 300_000 };

describe('A2.3 deduplication window', () => {
  it('is a duplicate until the window from the first send ends; a duplicate does not extend it', () => {
    const d = new Deduplication(settings);
    expect(d.admit(message(1, 'g'), 0)).toBe('store');
    expect(d.admit(message(1, 'g'), 299_999)).toBe('deduplicated');
    expect(d.admit(message(1, 'g'), 300_000)).toBe('store');
  });

  it('forgets ids whose window ended, so memory follows the window and not the run', () => {
    const d = new Deduplication({ ...settings, deduplicationWindowMs: 100 });
    for (let i = 1; i <= 1000; i++) d.admit(message(i, 'g'), i * 10);
    expect(d.tracked).toBeLessThanOrEqual(10);
  });

  it('an explicit deduplication id overrides the content: different bodies with one id are duplicates', () => {
    const d = new Deduplication(settings);
    expect(d.admit(message(1, 'g', 'x'), 0)).toBe('store');
    expect(d.admit(message(2, 'g', 'x'), 1)).toBe('deduplicated');
    expect(d.admit(message(3, 'g'), 2)).toBe('store');
  });

  it('fails a send without a group, or without an id when content-based deduplication is off', () => {
    expect(new Deduplication(settings).admit(message(1, ''), 0)).toBe('invalidFifoPublish');
    expect(new Deduplication({ ...settings, contentBasedDeduplication: false }).admit(message(1, 'g'), 0)).toBe('invalidFifoPublish');
  });
});
