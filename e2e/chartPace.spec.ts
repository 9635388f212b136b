import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openApp, shareLink } from './helpers';

/**
 * The charts follow a run from its start. Their redraws are paced by what a redraw costs (chartPacer.ts), and the first
 * redraw of a run mounts the plot, which costs many times a later one: paced by it, the charts held their first two
 * samples for 2.5–3 s while the clock ran on. Now the second redraw comes on the usual throttle after the first.
 */
test('the charts follow a run from its start: the second redraw comes soon after the first', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const scenario = JSON.parse(readFileSync('examples/competing-consumers.json', 'utf8'));
  await openApp(page, shareLink(scenario));
  const chart = page.locator('figure.chart-card').first();
  await expect(chart).toHaveAttribute('data-points', '0');
  await page.getByTestId('run-play').click();
  // The wall time (ms since play) of each change in the number of points drawn, read every 50 ms in the page.
  const changes = await page.evaluate(async () => {
    const figure = document.querySelector('figure.chart-card')!;
    const start = performance.now();
    const seen: { atMs: number; points: number }[] = [];
    let last = figure.getAttribute('data-points');
    while (seen.length < 3 && performance.now() - start < 8000) {
      await new Promise((r) => setTimeout(r, 50));
      const now = document.querySelector('figure.chart-card')!.getAttribute('data-points');
      if (now !== last) { seen.push({ atMs: performance.now() - start, points: Number(now) }); last = now; }
    }
    return seen;
  });
  expect(changes.length).toBeGreaterThanOrEqual(2);
  const [first, second] = changes;
  expect(first!.points).toBeGreaterThan(0);
  expect(second!.points).toBeGreaterThan(first!.points);
  // On the throttle (CHART_REDRAW_MS, 500 ms) plus a redraw; the old pacing waited ten times the first redraw's cost.
  expect(second!.atMs - first!.atMs).toBeLessThan(1600);
});
