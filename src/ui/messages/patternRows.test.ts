import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../engine/api';
import { messageFlags } from './describeMessage';
import { patternRows } from './patternRows';

const base: MessageView = {
  id: 7, routingKey: '', headers: {}, priority: null, sizeBytes: 10, persistent: false, poison: false, redelivered: false,
  deliveryCount: 1, receiveCount: 0, publishedAtMs: 0, enqueuedAtMs: 0, expiresAtMs: null, deaths: [], trail: [], state: 'ready',
};

describe('message pattern rows', () => {
  it('a plain message shows none (no correlation id is -1, empty ids are absent)', () => {
    expect(patternRows(base)).toEqual([]);
    expect(patternRows({ ...base, publisher: '', replyTo: '', correlationId: -1, groupId: '', dedupId: '', corrupt: false })).toEqual([]);
  });

  it('a request, a reply, a FIFO message and a damaged one say what they carry', () => {
    const rows = patternRows({ ...base, publisher: 'client', replyTo: 'gather', correlationId: 0, groupId: 'g2', dedupId: '41', corrupt: true });
    expect(rows.map((r) => [r.name, r.value])).toEqual([
      ['published by', 'client'], ['reply to', 'gather'], ['correlation id', '#0'], ['group id', 'g2'], ['deduplication id', '41'],
      ['corrupt', 'yes: damaged on a link, its checksum no longer matches'],
    ]);
  });
});

describe('message flags in lists', () => {
  it('mark a corrupt message, a reply with its request, and a FIFO group', () => {
    expect(messageFlags(base)).toEqual([]);
    expect(messageFlags({ ...base, corrupt: true, correlationId: 12, groupId: 'g1' })).toEqual(['corrupt', 'reply to #12', 'group g1']);
  });
});
