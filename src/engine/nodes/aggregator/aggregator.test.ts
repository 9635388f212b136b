import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AggregatorHarness } from './testHarness';

const sizeOnly = { completionSize: 3, completionTimeoutMs: null, goodEnoughScore: null };

/** Every reply is acked (taken), dropped, or never arrived; every aggregate sent is still held at the sink. */
function expectBalance(h: AggregatorHarness): void {
  const a = h.accounting;
  expect(a.forwarded).toBe(a.acked + a.dropped + h.sent.length);
}

describe('aggregator: completion (A4)', () => {
  it('completes by size on the reply that fills the group, with the correlation id and origin', () => {
    const h = new AggregatorHarness(sizeOnly);
    h.reply(10, 7, 1, 3); h.reply(20, 7, 2, 3); h.reply(30, 7, 3, 3);
    h.run(25);
    expect(h.sent).toHaveLength(0);
    h.run();
    expect(h.sent).toHaveLength(1);
    const { at, message } = h.sent[0]!;
    expect(at).toBe(30);
    expect(message).toMatchObject({ correlationId: 7, originAt: 3, publisher: 'agg', replyTo: '' });
    expect(message.headers).toMatchObject({ completedBy: 'size', aggregatedSize: 3 });
    expect(h.report()).toMatchObject({ in: 3, out: 1, open: 0, completedBySize: 1, meanSize: 3 });
    expectBalance(h);
  });

  it('completes at once on a good-enough reply (First Best)', () => {
    const h = new AggregatorHarness({ completionSize: 3, completionTimeoutMs: null, goodEnoughScore: 10 });
    h.reply(5, 1, 4); h.reply(6, 1, 12);
    h.run();
    expect(h.sent.map((s) => [s.at, s.message.headers['completedBy'], s.message.headers['aggregatedSize']])).toEqual([[6, 'goodEnough', 2]]);
    expect(h.report()).toMatchObject({ completedByGoodEnough: 1, completedBySize: 0 });
  });

  it('lets the good-enough predicate win when the same reply also fills the group (Camel checks the predicate first)', () => {
    const h = new AggregatorHarness({ completionSize: 2, completionTimeoutMs: null, goodEnoughScore: 10 });
    h.reply(1, 1, 1); h.reply(2, 1, 10);
    h.run();
    expect(h.sent.map((s) => s.message.headers['completedBy'])).toEqual(['goodEnough']);
  });

  it('completes by an inactivity timeout per key when replies stop coming (Time Out)', () => {
    const h = new AggregatorHarness({ completionSize: 3, completionTimeoutMs: 1000, goodEnoughScore: null });
    h.reply(100, 1); h.reply(300, 1);
    h.run();
    expect(h.sent.map((s) => [s.at, s.message.headers['completedBy'], s.message.headers['aggregatedSize']])).toEqual([[1300, 'timeout', 2]]);
  });

  it('restarts the timeout on each reply of the key, not of other keys (Camel completionTimeout is inactivity)', () => {
    const h = new AggregatorHarness({ completionSize: null, completionTimeoutMs: 1000, goodEnoughScore: null });
    for (const t of [0, 800, 1600]) h.reply(t, 1);
    for (const t of [0, 900]) h.reply(t + 50, 2);
    h.run();
    const at = Object.fromEntries(h.sent.map((s) => [s.message.correlationId, s.at]));
    expect(at).toEqual({ 1: 1600 + 1000, 2: 950 + 1000 });
  });

  it('takes the first completion that triggers: a size reached before the timeout ends the group', () => {
    const h = new AggregatorHarness({ completionSize: 2, completionTimeoutMs: 500, goodEnoughScore: null });
    h.reply(0, 1); h.reply(400, 1); h.reply(10, 2);
    h.run();
    const by = Object.fromEntries(h.sent.map((s) => [s.message.correlationId, [s.at, s.message.headers['completedBy']]]));
    expect(by).toEqual({ 1: [400, 'size'], 2: [510, 'timeout'] });
    expect(h.sent).toHaveLength(2); // the stale timer of group 1 sends nothing
  });
});

describe('aggregator: late, unmatched and lost replies', () => {
  it('drops a reply for a completed key as lateReply', () => {
    const h = new AggregatorHarness({ completionSize: 2, completionTimeoutMs: null, goodEnoughScore: null });
    h.reply(1, 1); h.reply(2, 1); h.reply(3, 1); h.reply(50_000, 1);
    h.run();
    expect(h.sent).toHaveLength(1);
    expect(h.dropped('lateReply')).toBe(2);
    expect(h.report()).toMatchObject({ late: 2, in: 2 });
    expectBalance(h);
  });

  it('remembers a completed key for max(60 s, 10 × completionTimeoutMs), then a reply opens a new group', () => {
    // docs/scenario-format.md (aggregator): late within the window, after it the key is forgotten.
    const sizeTwo = new AggregatorHarness({ completionSize: 2, completionTimeoutMs: null, goodEnoughScore: null });
    sizeTwo.reply(1, 1); sizeTwo.reply(2, 1); // completes at 2
    sizeTwo.reply(60_002, 1); // 60 s after: still late
    sizeTwo.reply(60_003, 1); // later than 60 s: forgotten, a new group
    sizeTwo.run();
    expect(sizeTwo.report()).toMatchObject({ late: 1, completedBySize: 1, open: 1 });
    // With a 10 s timeout the window is 100 s: a reply 90 s after completion is still late.
    const longTimeout = new AggregatorHarness({ completionSize: 2, completionTimeoutMs: 10_000, goodEnoughScore: null });
    longTimeout.reply(1, 1); longTimeout.reply(2, 1);
    longTimeout.reply(90_002, 1);
    longTimeout.run(95_000);
    expect(longTimeout.report()).toMatchObject({ late: 1, completedBySize: 1, open: 0 });
  });

  it('drops a reply without a correlation id as unmatchedReply (Invalid Message Channel)', () => {
    const h = new AggregatorHarness(sizeOnly);
    h.reply(1, -1);
    h.run();
    expect(h.dropped('unmatchedReply')).toBe(1);
    expect(h.report()).toMatchObject({ unmatched: 1, in: 0, open: 0 });
  });

  it('loses its open groups in a crash, drops replies while down, and aggregates again after a restart', () => {
    const h = new AggregatorHarness({ completionSize: 2, completionTimeoutMs: 1000, goodEnoughScore: null });
    h.reply(10, 1);
    h.at(20, () => h.model.crash());
    h.reply(30, 1);
    h.at(40, () => h.model.restart());
    h.reply(50, 2); h.reply(60, 2);
    h.run();
    expect(h.sent.map((s) => s.message.correlationId)).toEqual([2]); // group 1 never completes, not even by timeout
    expect(h.dropped('nodeDown')).toBe(1);
    expect(h.report()).toMatchObject({ lostGroups: 1, lostReplies: 1, droppedWhileDown: 1, open: 0 });
    expectBalance(h);
  });

  it('completes without sending when it has no output', () => {
    const h = new AggregatorHarness(sizeOnly, false);
    for (const t of [1, 2, 3]) h.reply(t, 1);
    h.run();
    expect(h.report()).toMatchObject({ completedBySize: 1, out: 0 });
    expect(h.accounting.forwarded).toBe(3);
    expectBalance(h);
  });
});

describe('aggregator: aggregation algorithms', () => {
  const scores = [3, -2, 8.5, 1];
  const run = (strategy: string, withScores = true): Record<string, unknown> => {
    const h = new AggregatorHarness({ ...sizeOnly, completionSize: scores.length, strategy });
    scores.forEach((s, i) => h.reply(i + 1, 9, withScores ? s : null));
    h.run();
    expect(h.sent).toHaveLength(1);
    return h.sent[0]!.message.headers;
  };

  it('best selects the highest score', () => expect(run('best')['score']).toBe(Math.max(...scores)));
  it('sum condenses the scores', () => expect(run('sum')['score']).toBe(scores.reduce((a, b) => a + b, 0)));
  it('collect keeps them all: its value is how many it holds', () => expect(run('collect')['score']).toBe(scores.length));
  it('sizes the aggregate as the largest reply (best, sum) or all of them (collect)', () => {
    const size = (strategy: string): number => {
      const h = new AggregatorHarness({ ...sizeOnly, strategy });
      [300, 1000, 200].forEach((bytes, i) => h.reply(i + 1, 4, 1, 0, bytes));
      h.run();
      return h.sent[0]!.message.sizeBytes;
    };
    expect([size('best'), size('sum'), size('collect')]).toEqual([1000, 1000, 1500]);
  });

  it('best and sum carry no score when no reply had one', () => {
    expect(run('best', false)).not.toHaveProperty('score');
    expect(run('sum', false)).not.toHaveProperty('score');
  });
});

describe('aggregator: properties over random reply streams', () => {
  const reply = fc.record({ at: fc.integer({ min: 0, max: 5000 }), key: fc.integer({ min: -1, max: 6 }), score: fc.option(fc.integer({ min: 0, max: 20 })) });
  const config = fc.record({
    completionSize: fc.option(fc.integer({ min: 1, max: 5 })),
    completionTimeoutMs: fc.option(fc.integer({ min: 1, max: 2000 })),
    goodEnoughScore: fc.option(fc.integer({ min: 0, max: 25 })),
    strategy: fc.constantFrom('best', 'sum', 'collect'),
  }).filter((c) => c.completionSize !== null || c.completionTimeoutMs !== null || c.goodEnoughScore !== null);

  const play = (c: Record<string, unknown>, replies: { at: number; key: number; score: number | null }[]): AggregatorHarness => {
    const h = new AggregatorHarness(c);
    for (const r of replies) h.reply(r.at, r.key, r.score);
    h.run();
    return h;
  };

  it('balances, completes each key at most once per window, never beyond its size, the same way twice', () => {
    fc.assert(fc.property(config, fc.array(reply, { maxLength: 60 }), (c, replies) => {
      const h = play(c, replies);
      expectBalance(h);
      const r = h.report() as Record<string, number>;
      expect(r['completedBySize']! + r['completedByTimeout']! + r['completedByGoodEnough']!).toBe(h.sent.length);
      expect(r['in']! + r['late']! + r['unmatched']!).toBe(replies.length);
      const keys = h.sent.map((s) => s.message.correlationId);
      expect(new Set(keys).size).toBe(keys.length); // the 60 s memory outlasts these 7 s streams
      for (const s of h.sent) {
        if (c.completionSize !== null) expect(s.message.headers['aggregatedSize']).toBeLessThanOrEqual(c.completionSize);
      }
      if (c.completionTimeoutMs !== null) expect(r['open']).toBe(0); // every group ends by its timeout at the latest
      const again = play(c, replies);
      expect(again.sent.map((s) => [s.at, s.message.correlationId, s.message.headers])).toEqual(h.sent.map((s) => [s.at, s.message.correlationId, s.message.headers]));
    }));
  });
});
