import { expect, test } from '@playwright/test';
import { clickableTokens, connect, dragFromPalette, node, openApp, type ClickableToken } from './helpers';

const shot = (name: string) => `e2e-artifacts/${name}.png`;

// Reduced motion holds the tokens still, so the position read here is where the token is when the click lands.
test.use({ reducedMotion: 'reduce' });

test('clicking a message token on an edge opens the message inspector for its last message', async ({ page }) => {
  await openApp(page);
  const producer = await dragFromPalette(page, 'producer', { x: 80, y: 160 });
  const queue = await dragFromPalette(page, 'queue', { x: 460, y: 160 });
  const consumer = await dragFromPalette(page, 'consumer', { x: 840, y: 160 });
  await connect(page, producer, queue);
  await connect(page, queue, consumer);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('running');
  // Tokens move, and a loaded machine may take long enough between finding one and clicking it that it has
  // moved on: find, hover and click in one attempt, and try again with a fresh token until one is caught.
  const dialog = page.getByTestId('message-dialog');
  const pointerAt = (x: number, y: number) => page.evaluate((p) => getComputedStyle(document.elementFromPoint(p.x, p.y) as Element).cursor, { x, y });
  let token: ClickableToken | undefined;
  await expect(async () => {
    [token] = await clickableTokens(page);
    if (!token) throw new Error('no clickable token');
    // Hovering a token shows a pointer.
    await page.mouse.move(token.x + 3, token.y - 2);
    const { x, y } = token;
    await expect.poll(() => pointerAt(x + 3, y - 2), { timeout: 1000 }).toBe('pointer');
    await page.screenshot({ path: shot('token-hover') });
    await page.screenshot({ path: shot('token-hover-closeup'), clip: { x: token.x - 90, y: token.y - 40, width: 180, height: 80 } });
    // A click within a few pixels of the token (the token canvas itself never takes the pointer).
    await page.mouse.click(token.x + 3, token.y - 2);
    await expect(dialog).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  if (!token) throw new Error('no clickable token');
  await expect(dialog.getByRole('heading', { name: new RegExp(`^Message #\\d+ · ${token.edge}$`) })).toBeVisible();
  await expect(dialog.getByTestId('message-trail')).toContainText(producer);
  // The token's edge is selected, so the inspector shows that edge's last message too.
  await expect(page.locator(`.react-flow__edge[data-id="${token.edge}"]`)).toHaveClass(/selected/);
  await page.screenshot({ path: shot('token-click-message-dialog') });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('edge-message')).toBeVisible();

  // Paused, the tokens stand still where they were (a paused class sees its messages, not an empty topology), and a
  // click on one still opens its edge's last message.
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await expect(page.getByTestId('edge-tokens')).toHaveAttribute('data-frozen', 'true');
  const still = await clickableTokens(page);
  expect(still.length).toBeGreaterThan(0);
  await page.waitForTimeout(300);
  expect(await clickableTokens(page)).toEqual(still);
  await page.mouse.click(still[0]!.x, still[0]!.y);
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  // Finished or reset, they go.
  await page.getByTestId('run-reset').click();
  await expect.poll(async () => (await clickableTokens(page)).length).toBe(0);
  await expect(page.getByTestId('edge-tokens')).toHaveAttribute('data-frozen', 'false');
  await expect(node(page, queue)).toBeVisible();
});
