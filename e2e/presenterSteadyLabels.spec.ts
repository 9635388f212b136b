import { expect, test } from '@playwright/test';
import { presentAndRun, seenLabels, type SeenLabel } from './presenterProbes';

/**
 * A bursty lesson on a projector: auto-vs-manual-ack publishes 2 s in every 10. A busy edge's label used to come and
 * go with its rate (an edge idle for a second had none), and the labels were laid out again each time: on a projector
 * they jumped about once a second. In the presenter an edge that has carried a message keeps its label, "0/s" dimmed
 * while idle (src/ui/canvas/edges/labelContent.ts), so every label stays where it was when the burst ends.
 */
const LESSON = 'auto-vs-manual-ack';
const EDGES = 3;

/** Each label's centre on the screen (a label is centred on its place: a shorter rate leaves its centre where it was). */
const centres = (labels: readonly SeenLabel[]): Record<string, { x: number; y: number }> =>
  Object.fromEntries(labels.map((l) => [l.id, { x: l.box.x + l.box.width / 2, y: l.box.y + l.box.height / 2 }]));

test(`presenter: ${LESSON}'s rate labels stay put when a burst ends, each idle edge showing "0/s"; the editor shows no idle rates`, async ({ page }) => {
  await presentAndRun(page, LESSON, { width: 1280, height: 720 });
  // The first burst (0-2 s of the run): every edge shows its rate (none idle: "0/s" before the first rate is news to nobody).
  await expect.poll(async () => page.locator('[data-testid="edge-rate"]:not(.bl-edge-rate-idle)').count()).toBe(EDGES);
  const first = centres(await seenLabels(page));
  expect(Object.keys(first)).toHaveLength(EDGES);
  await page.screenshot({ path: 'e2e-artifacts/presenter-steady-labels-burst.png' });
  // Over the next 4 s the burst ends and the edges go idle: every label is still there, where it was.
  for (let i = 0; i < 16; i++) {
    await page.waitForTimeout(250);
    const now = centres(await seenLabels(page));
    expect(Object.keys(now).sort(), `look ${i}`).toEqual(Object.keys(first).sort());
    for (const [id, c] of Object.entries(now)) {
      expect(Math.abs(c.x - first[id]!.x), `${id} moved sideways, look ${i}`).toBeLessThanOrEqual(1);
      expect(Math.abs(c.y - first[id]!.y), `${id} moved up or down, look ${i}`).toBeLessThanOrEqual(1);
    }
  }
  // Idle now (the next burst is at 10 s): the rates read "0/s", dimmed.
  const rates = page.getByTestId('edge-rate');
  await expect(rates).toHaveText(Array(EDGES).fill('0/s'));
  for (const r of await rates.all()) await expect(r).toHaveClass(/bl-edge-rate-idle/);
  await page.screenshot({ path: 'e2e-artifacts/presenter-steady-labels-idle.png' });
  // The editor's canvas is as it was: an idle edge has no rate there.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presenter')).toBeHidden();
  await expect(page.getByTestId('edge-rate')).toHaveCount(0);
});

test('presenter: scatter-gather\'s slow edges (about 1.7 requests a second) read their rate, not "0/s" between two messages', async ({ page }) => {
  // Over half a second such an edge holds 0, 1 or 2 messages, and its label read 0/s, 2/s and 4/s in turn (0/s at about
  // two looks in five); a rate is now counted over the shortest window holding 5 messages, up to 5 s, and reads 0/s only
  // after a silence that would have held 3 at that rate (src/ui/run/rateWindows.ts): a Poisson flow at 1.7/s has one
  // now and then, so an edge may read 0/s at one look in eight, not more.
  await presentAndRun(page, 'scatter-gather', { width: 1280, height: 720 });
  const rates = page.getByTestId('edge-rate');
  await expect.poll(async () => rates.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(8);
  await page.waitForTimeout(3000); // the longer windows fill
  const zeros = new Map<number, number>();
  for (let look = 0; look < 8; look++) {
    (await rates.allTextContents()).forEach((r, edge) => { if (r === '0/s') zeros.set(edge, (zeros.get(edge) ?? 0) + 1); });
    await page.waitForTimeout(500);
  }
  expect([...zeros.values()].filter((n) => n > 1), 'edges reading 0/s at more than one look in eight').toEqual([]);
});
