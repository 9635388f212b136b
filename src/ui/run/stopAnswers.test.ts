import { describe, expect, it } from 'vitest';
import { StopAnswers } from './stopAnswers';

describe('StopAnswers', () => {
  it('gives a stop\'s answer to its entry and to a Play pressed before the answer came', () => {
    const stops = new StopAnswers();
    const pause = stops.nextRequest();
    stops.stopped(pause, 10);
    stops.resumed(11);
    expect(stops.answered(pause)).toEqual([10, 11]);
    expect(stops.answered(pause)).toEqual([]); // forgotten once read
  });

  it('a Play in a new run resumes from nothing', () => {
    const stops = new StopAnswers();
    const step = stops.nextRequest();
    stops.stopped(step, 1);
    stops.newRun();
    stops.resumed(2);
    expect(stops.answered(step)).toEqual([1]);
  });

  it('numbers requests afresh and forgets all on clear', () => {
    const stops = new StopAnswers();
    const a = stops.nextRequest();
    expect(stops.nextRequest()).toBe(a + 1);
    stops.stopped(a, 5);
    stops.clear();
    expect(stops.answered(a)).toEqual([]);
  });
});
