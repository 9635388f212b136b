import { expect, test } from '@playwright/test';
import { openApp, shareLink } from './helpers';

/**
 * The fault timeline's rows read "what, where, when" in the inspector's width: a type's whole name, the live tag and the
 * remove button on the first line (the button never on a line of its own), a heal's "of" beside its target.
 */
const doc = {
  version: 3, name: 'Timeline rows', seed: 3, durationMs: 40_000,
  nodes: [
    { id: 'p1', kind: 'producer', position: { x: 0, y: 80 }, config: { arrival: { type: 'constant', ratePerSec: 20 } } },
    { id: 'q1', kind: 'queue', position: { x: 300, y: 80 } },
    { id: 'c1', kind: 'consumer', position: { x: 600, y: 80 }, config: { serviceTimeMs: { type: 'constant', value: 10 } } },
  ],
  edges: [{ id: 'p1-q1', source: 'p1', target: 'q1' }, { id: 'q1-c1', source: 'q1', target: 'c1' }],
  faults: [
    { type: 'crash', target: 'q1', atMs: 2000, durationMs: 10_000 },
    { type: 'poison', target: 'p1', atMs: 3000, count: 2 },
    { type: 'corrupt', target: 'q1-c1', atMs: 3500, durationMs: 1000, probability: 0.1 },
    { type: 'crash', target: 'c1', atMs: 4000, live: true },
    { type: 'heal', of: 'crash', target: 'c1', atMs: 5000, live: true },
    { type: 'heal', of: 'partition', target: 'q1-c1', atMs: 6000 },
  ],
};

for (const size of [{ width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
  test(`fault rows keep the remove button beside the type at ${size.width}×${size.height}`, async ({ page }) => {
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
      if (doc.faults[i]!.type === 'heal') {
        const heals = (await row.getByLabel(`Fault ${i + 1} heals`).boundingBox())!;
        const target = (await row.getByLabel(`Fault ${i + 1} target`).boundingBox())!;
        expect(Math.abs(heals.y - target.y), `row ${i + 1}: what it heals beside its target`).toBeLessThan(4);
      }
    }
    await expect(rows.nth(3).getByText('live')).toBeVisible();
  });
}
