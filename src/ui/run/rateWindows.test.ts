import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type FrameMessage, type LoadedMessage } from '../../protocol';
import { MAX_RATE_WINDOW_MS, RATE_WINDOW_MS } from './rateWindows';
import { reduceFrame, reduceLoaded, type TelemetryState } from './telemetryReducers';

const loaded: LoadedMessage = { v: PROTOCOL_VERSION, type: 'loaded', seed: 1, durationMs: 60_000, nodeIds: [], edgeIds: ['e'], liveFields: [], sampleFields: [] };
const frame = (timeMs: number, total: number): FrameMessage => ({
  v: PROTOCOL_VERSION, type: 'frame', timeMs, events: 0, running: true, finished: false, live: new Float64Array(0),
  edgeTraffic: Float64Array.of(total), edgeBackTraffic: new Float64Array(1), edgeLost: new Float64Array(1), samples: [],
});

/** The shown rate of edge `e` after each frame, 100 ms apart, of the cumulative totals `sentAt(t)`. */
function ratesOf(sentAt: (t: number) => number, untilMs: number): number[] {
  let s: TelemetryState = reduceLoaded(loaded);
  const rates: number[] = [];
  for (let t = 100; t <= untilMs; t += 100) {
    s = reduceFrame(s, frame(t, sentAt(t)));
    if (t % RATE_WINDOW_MS === 0) rates.push(s.edgeRates.e!);
  }
  return rates;
}

describe('edge rates over windows long enough to count a slow flow', () => {
  it('a slow steady flow reads its rate, not 0/s and 2/s in turn', () => {
    // One message every 600 ms (1.67/s): a half-second window holds 0 or 1.
    const rates = ratesOf((t) => Math.floor(t / 600), 20_000).slice(MAX_RATE_WINDOW_MS / RATE_WINDOW_MS);
    for (const r of rates) {
      expect(r).toBeGreaterThan(1.3);
      expect(r).toBeLessThan(2.1);
    }
  });

  it('a fast flow reads the last half second: it follows a change at once', () => {
    const rates = ratesOf((t) => (t <= 2000 ? t / 10 : 200 + (t - 2000) / 5), 4000);
    expect(rates.slice(0, 4)).toEqual([100, 100, 100, 100]);
    expect(rates.slice(4)).toEqual([200, 200, 200, 200]);
  });

  it('a burst that ends reads 0/s at the next window, not an average that fades', () => {
    const rates = ratesOf((t) => Math.min(t, 2000) / 10, 4000);
    expect(rates.slice(4)).toEqual([0, 0, 0, 0]);
  });

  it('a burst whose last messages fell just after a window\'s start still reads 0/s seconds later, not their trickle', () => {
    // The burst ends at 2.06 s: the window from 2.0 s holds its last 6 messages. Averaged over the 3 s since, they read 2/s.
    const rates = ratesOf((t) => Math.floor(Math.min(t, 2060) / 10), 8000);
    expect(rates.slice(5)).toEqual(Array(rates.length - 5).fill(0));
  });

  it('a slow flow that stops reads 0/s once its last message is older than the longest window', () => {
    const rates = ratesOf((t) => Math.min(Math.floor(t / 600), 10), 14_000);
    expect(rates.at(-1)).toBe(0);
  });
});
