import { expect, test, type Page } from '@playwright/test';
import { edge, openApp, runDirectCall } from './helpers';

/**
 * A direct synchronous call (semantics.md A4 Return Address): a requester pushes straight to a consumer,
 * whose reply goes back along the same edge. The token layer draws the requests going forward and the
 * replies as a lane of their own going backwards, target → source, in the reply colour.
 */
const shot = (name: string) => `e2e-artifacts/${name}.png`;

interface Token { edge: string; x: number; y: number; back: boolean; t: number }

async function drawnTokens(page: Page): Promise<Token[]> {
  return page.getByTestId('edge-tokens').evaluate((canvas) => (canvas as HTMLCanvasElement & { blTokens: () => Token[] }).blTokens());
}

/**
 * How far the lane's first token moved along its curve between two reads (t wraps round at the ends).
 * The first token (the lane's anchor) moves continuously even when a re-plan changes the lane's count.
 */
function moved(before: Token[], after: Token[]): number {
  const a = before[0];
  const b = after[0];
  if (!a || !b) return Number.NaN;
  const d = b.t - a.t;
  return d - Math.round(d);
}

test('replies of a direct call move back along the call edge, requests forward', async ({ page }) => {
  await openApp(page);
  const { call: callId } = await runDirectCall(page);
  const layer = page.getByTestId('edge-tokens');
  await expect.poll(async () => {
    const tokens = await drawnTokens(page);
    return tokens.some((t) => t.edge === callId && t.back) && tokens.some((t) => t.edge === callId && !t.back);
  }).toBe(true);

  // Two reads a few frames apart: reply tokens go towards the source (t falls), requests towards the target.
  const first = await drawnTokens(page);
  await page.waitForTimeout(80);
  const second = await drawnTokens(page);
  const lane = (tokens: Token[], back: boolean) => tokens.filter((t) => t.edge === callId && t.back === back);
  const back = moved(lane(first, true), lane(second, true));
  const forward = moved(lane(first, false), lane(second, false));
  expect(back).toBeLessThan(0);
  expect(forward).toBeGreaterThan(0);
  await page.screenshot({ path: shot('call-tokens') });
  const box = await edge(page, callId).boundingBox();
  if (box) await page.screenshot({ path: shot('call-tokens-closeup'), clip: { x: box.x - 20, y: box.y - 40, width: box.width + 40, height: box.height + 80 } });

  // Paused, both lanes stand still where they were; Play moves them on from there.
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await expect(layer).toHaveAttribute('data-frozen', 'true');
  const frozen = await drawnTokens(page);
  expect(lane(frozen, true).length).toBeGreaterThan(0);
  await page.waitForTimeout(200);
  expect(await drawnTokens(page)).toEqual(frozen);
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('running');
  await expect.poll(async () => moved(lane(frozen, false), lane(await drawnTokens(page), false))).toBeGreaterThan(0);
});
