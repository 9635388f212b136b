import { expect, test, type Locator, type Page } from '@playwright/test';
import { clickableTokens, openApp, runDirectCall } from './helpers';

/**
 * A direct call's edge carries requests forward and the replies back (semantics.md A4 Return Address).
 * Clicking a reply token shows the last reply, a forward token the last request, and the edge inspector
 * shows both, each labelled: a requester calling a consumer directly, built from the palette with a long
 * edge between them, so that its tokens can be clicked clear of the edge's labels.
 */
const shot = (name: string) => `e2e-artifacts/${name}.png`;

/**
 * Clicks a token of the call edge going `back` (a reply) or forward (a request) and waits for the message
 * dialog. Tokens are held still (reduced motion) but re-planned, so find and click in one attempt, retried.
 */
async function clickToken(page: Page, call: string, back: boolean): Promise<Locator> {
  const dialog = page.getByTestId('message-dialog');
  await expect(async () => {
    if (await dialog.isVisible()) return; // the answer to an earlier attempt's click came late (a loaded machine)
    const token = (await clickableTokens(page)).find((t) => t.edge === call && t.back === back);
    if (!token) throw new Error(`no clickable ${back ? 'reply' : 'request'} token on ${call}`);
    await page.mouse.click(token.x, token.y);
    await expect(dialog).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  return dialog;
}

/** A message id shown as "#123". */
const idOf = async (cell: Locator) => Number((await cell.textContent())?.replace('#', ''));

test.use({ reducedMotion: 'reduce' });

test('a direct call\'s edge: a reply token shows the last reply, a request token the last request, the inspector both', async ({ page }) => {
  await openApp(page);
  const { client, service, call } = await runDirectCall(page);

  // A reply token (a ring going back): the reply the service sent back, answering one of the client's requests.
  const reply = await clickToken(page, call, true);
  await expect(reply.getByRole('heading', { name: new RegExp(`^Message #\\d+ · ${call}$`) })).toBeVisible();
  await expect(reply.getByTestId('message-state')).toHaveText(`last reply sent back along ${call}`);
  await expect(reply.getByTestId('message-publisher')).toHaveText(service);
  await expect(reply.getByTestId('message-correlation-id')).toHaveText(/^#\d+$/);
  await expect(reply.getByTestId('message-reply-to')).toHaveCount(0);
  await page.screenshot({ path: shot('call-reply-token-dialog') });
  await page.keyboard.press('Escape');
  await expect(reply).toHaveCount(0);

  // A request token (a dot going forward): the client's request, with its Return Address.
  const request = await clickToken(page, call, false);
  await expect(request.getByTestId('message-state')).toHaveText(`last request sent along ${call}`);
  await expect(request.getByTestId('message-publisher')).toHaveText(client);
  await expect(request.getByTestId('message-reply-to')).toHaveText(client);
  await expect(request.getByTestId('message-correlation-id')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Paused, the selected call edge's inspector shows the last request and the last reply, each labelled.
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await expect(page.locator(`.react-flow__edge[data-id="${call}"]`)).toHaveClass(/selected/);
  const section = page.getByTestId('edge-message');
  await expect(section.getByRole('heading', { name: 'Last messages', exact: true })).toBeVisible();
  const lastRequest = section.getByTestId('edge-last-request');
  const lastReply = section.getByTestId('edge-last-reply');
  await expect(lastRequest).toContainText('Request');
  await expect(lastRequest.getByTestId('message-row')).toContainText(`last request sent along ${call}`);
  await expect(lastReply).toContainText('Reply');
  await expect(lastReply.getByTestId('message-row')).toContainText(`last reply sent back along ${call}`);
  const requestId = Number(await lastRequest.getByTestId('message-row').getAttribute('data-message-id'));
  const replyId = Number(await lastReply.getByTestId('message-row').getAttribute('data-message-id'));
  expect(replyId).not.toBe(requestId);
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('call-edge-inspector') });
  await section.screenshot({ path: shot('call-edge-inspector-section') });

  // The reply answers a request the client sent along this edge, no later than the last one (A4 Correlation Identifier).
  await lastReply.getByTestId('message-row').click();
  const details = page.getByTestId('message-details');
  await expect(details.getByTestId('message-state')).toHaveText(`last reply sent back along ${call}`);
  const correlation = await idOf(details.getByTestId('message-correlation-id'));
  expect(correlation).toBeGreaterThan(0);
  expect(correlation).toBeLessThanOrEqual(requestId);
});
