import { expect, test } from '@playwright/test';
import { connect, dragFromPalette, node, openApp } from './helpers';

/**
 * A responder with no way to the Return Address (EIP Request-Reply, semantics.md A4): its replies would be
 * dropped as unroutable. The user is told while drawing, on the consumer itself, and the warning goes as soon
 * as the reply edge is drawn. The edit is never refused: the queue → consumer edge comes first.
 */
const shot = (name: string) => `e2e-artifacts/${name}.png`;

test('a consumer answering requests with no edge back is marked until the reply edge is drawn', async ({ page }) => {
  await openApp(page);
  const req = await dragFromPalette(page, 'requester', { x: 160, y: 160 });
  const q = await dragFromPalette(page, 'queue', { x: 470, y: 160 });
  const c = await dragFromPalette(page, 'consumer', { x: 780, y: 160 });
  await connect(page, req, q);
  const badge = node(page, c).getByTestId('stat-warning-reply_unroutable');
  await expect(badge).toHaveCount(0); // nothing reaches the consumer yet
  await connect(page, q, c);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  await expect(badge).toHaveText('replies go nowhere');
  await expect(badge).toHaveAttribute('title', `consumer "${c}" answers requests from requester "${req}" but has no edge to their Return Address "${req}": its replies will be dropped as unroutable. Connect "${c}" to "${req}", or turn its replies off (reply.enabled: false)`);
  await node(page, c).click();
  const warnings = page.getByTestId('inspector-warnings');
  await expect(warnings).toContainText('Will not work as drawn');
  await expect(warnings).toContainText(`has no edge to their Return Address "${req}"`);
  await page.screenshot({ path: shot('reply-gap-warning') });

  await connect(page, c, req);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await expect(badge).toHaveCount(0);
  await expect(warnings).toHaveCount(0);
  await page.screenshot({ path: shot('reply-gap-mended') });
});
