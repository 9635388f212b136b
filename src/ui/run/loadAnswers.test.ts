import { describe, expect, it } from 'vitest';
import { LoadAnswers } from './loadAnswers';

describe('LoadAnswers', () => {
  it('answers loads in order, skips those discarded, and returns the discarded entries once', () => {
    const loads = new LoadAnswers();
    loads.sent(1);
    loads.sent(2);
    expect(loads.discardAll()).toEqual([1, 2]);
    loads.sent(3);
    expect(loads.discardAll()).toEqual([3]); // 1 and 2 were returned already
    expect([loads.answered(), loads.answered(), loads.answered(), loads.answered()]).toEqual([null, null, null, undefined]);
  });

  it('forgets everything pending on clear', () => {
    const loads = new LoadAnswers();
    loads.sent(1);
    loads.clear();
    expect(loads.answered()).toBeUndefined();
  });
});
