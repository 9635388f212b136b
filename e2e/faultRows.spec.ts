import { expect, test, type Locator } from '@playwright/test';
import { openApp, shareLink } from './helpers';

/**
 * The fault timeline's rows read "what, where, when" in the inspector's width: a type's whole name, the live tag and the
 * remove button on the first line (the button never on a line of its own); a heal's "of" on a line of its own; the
 * target whole, however long its name ("producer-1 → orders-queue"), on the row's full width.
 */
const doc = {
  version: 3, name: 'Timeline rows', seed: 3, durationMs: 40_000,
  nodes: [
    { id: 'p1', kind: 'producer', position: { x: 0, y: 80 }, config: { arrival: { type: 'constant', ratePerSec: 20 } } },
    { id: 'q1', kind: 'queue', position: { x: 300, y: 80 } },
    { id: 'c1', kind: 'consumer', position: { x: 600, y: 80 }, config: { serviceTimeMs: { type: 'constant', value: 10 } } },
    { id: 'producer-1', kind: 'producer', position: { x: 0, y: 300 }, config: { arrival: { type: 'constant', ratePerSec: 20 } } },
    { id: 'orders-queue', kind: 'queue', position: { x: 300, y: 300 } },
    { id: 'mid-size-orders-reader', kind: 'consumer', position: { x: 600, y: 300 } },
  ],
  edges: [
    { id: 'p1-q1', source: 'p1', target: 'q1' }, { id: 'q1-c1', source: 'q1', target: 'c1' },
    { id: 'producer-1--orders-queue', source: 'producer-1', target: 'orders-queue' },
    { id: 'orders-queue--mid-size-orders-reader', source: 'orders-queue', target: 'mid-size-orders-reader' },
  ],
  faults: [
    { type: 'crash', target: 'q1', atMs: 2000, durationMs: 10_000 },
    { type: 'poison', target: 'p1', atMs: 3000, count: 2 },
    { type: 'corrupt', target: 'q1-c1', atMs: 3500, durationMs: 1000, probability: 0.1 },
    { type: 'crash', target: 'c1', atMs: 4000, live: true },
    { type: 'heal', of: 'crash', target: 'c1', atMs: 5000, live: true },
    { type: 'heal', of: 'partition', target: 'q1-c1', atMs: 6000 },
    { type: 'partition', target: 'producer-1--orders-queue', atMs: 7000, durationMs: 1000 },
    { type: 'heal', of: 'linkDelay', target: 'producer-1--orders-queue', atMs: 7500, live: true },
    { type: 'heal', of: 'crash', target: 'mid-size-orders-reader', atMs: 8000, live: true },
    { type: 'linkLoss', target: 'orders-queue--mid-size-orders-reader', atMs: 9000, probability: 0.2 },
  ],
};

/**
 * What a user reads of a select: the chosen option, as far as it fits the select's text box (a native select cuts the
 * rest), or, for a select drawn transparent over a face of its own, the face's text if nothing of it is cut.
 */
function shownText(select: Locator): Promise<string> {
  return select.evaluate((el: HTMLSelectElement) => {
    const full = el.selectedOptions[0]?.text ?? '';
    if (getComputedStyle(el).opacity === '0') {
      const face = el.parentElement?.querySelector<HTMLElement>('[data-select-face]');
      if (!face) return '(nothing shown)';
      return face.scrollWidth <= face.clientWidth && face.scrollHeight <= face.clientHeight ? (face.textContent ?? '') : '(cut)';
    }
    const style = getComputedStyle(el);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    // Chromium draws the menu-list arrow in about 20 px at the right, inside the padding box.
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
    let shown = full;
    while (shown !== '' && context.measureText(shown).width > room) shown = shown.slice(0, -1);
    return shown === full ? full : `${shown}…`;
  });
}

for (const size of [{ width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
  test(`fault rows keep the remove button beside the type and show the target whole at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page, shareLink(doc));
    const rows = page.getByTestId('fault-row');
    await expect(rows).toHaveCount(doc.faults.length);
    for (let i = 0; i < doc.faults.length; i++) {
      const row = rows.nth(i);
      await row.scrollIntoViewIfNeeded();
      const type = (await row.getByLabel(`Fault ${i + 1} type`).boundingBox())!;
      const remove = (await row.getByRole('button', { name: `Remove fault ${i + 1}` }).boundingBox())!;
      expect(Math.abs((remove.y + remove.height / 2) - (type.y + type.height / 2)), `row ${i + 1}: × on the type's line`).toBeLessThan(4);
      const select = row.getByLabel(`Fault ${i + 1} target`);
      const full = await select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text ?? '');
      expect(await shownText(select), `row ${i + 1}: the target whole`).toBe(full);
      if (doc.faults[i]!.type === 'heal') {
        const heals = row.getByLabel(`Fault ${i + 1} heals`);
        expect(await shownText(heals), `row ${i + 1}: what it heals, whole`).toBe(await heals.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text ?? ''));
      }
    }
    // The longest names read whole: an edge by its ends, a node by its id and kind.
    await expect(rows.nth(6).getByLabel('Fault 7 target')).toHaveAccessibleName('Fault 7 target');
    expect(await shownText(rows.nth(6).getByLabel('Fault 7 target'))).toContain('producer-1 → orders-queue');
    expect(await shownText(rows.nth(8).getByLabel('Fault 9 target'))).toContain('mid-size-orders-reader');
    await expect(rows.nth(3).getByText('live')).toBeVisible();
    // An empty duration's placeholder fits its box (it read "until en"), and its title says what empty means.
    const duration = rows.nth(9).getByLabel('Fault 10 duration (ms)');
    await expect(duration).toHaveAttribute('title', /until the end of the run/);
    expect(await duration.evaluate((el: HTMLInputElement) => {
      const style = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = style.font;
      return el.placeholder !== '' && ctx.measureText(el.placeholder).width <= el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    }), 'the duration placeholder whole').toBe(true);
    await rows.nth(4).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/fault-polish-rows-${size.width}.png` });
    await rows.nth(8).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/fault-polish-rows-long-${size.width}.png` });
  });
}

test('a target picked from the select shows whole at once, and the document takes it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, shareLink(doc));
  const row = page.getByTestId('fault-row').nth(9);
  await row.scrollIntoViewIfNeeded();
  const select = row.getByLabel('Fault 10 target');
  await select.selectOption('producer-1--orders-queue');
  await expect(select).toHaveValue('producer-1--orders-queue');
  await expect(row).toHaveAttribute('data-target', 'producer-1--orders-queue');
  expect(await shownText(select)).toContain('producer-1 → orders-queue');
});
