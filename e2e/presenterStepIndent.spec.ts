import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { openPresenter } from './presenterProbes';

/**
 * The presenter's steps stacked above the chart (five or six checks), in its narrow column: a step's name that wraps
 * goes on under its own first line's text, not under the step's number (a hanging indent), so the number stands
 * apart and the name reads as one block, before Do it and after.
 */
const SIZES = [{ width: 1024, height: 768 }, { width: 1280, height: 720 }];
const MANY_CHECKS = readdirSync('lessons').filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`lessons/${f}`, 'utf8')) as { id: string; checks: unknown[] }).filter((l) => l.checks.length >= 5);

interface StepLines { name: string; lines: number; textLeft: number; lineLefts: number[]; numberRight: number }

/** Each stacked step's name: how many lines it takes, where its first line's text starts, where its later lines (and its Do it or status) start. */
async function stepLines(page: Page): Promise<StepLines[]> {
  return page.getByTestId('presenter-steps').locator('.presenter-step').evaluateAll((steps) => steps.map((step) => {
    const name = step.querySelector('.presenter-step-fault')!.firstChild!;
    const range = document.createRange();
    range.selectNodeContents(name);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const after = step.querySelector<HTMLElement>('.lesson-do, .lesson-step-done')!.getBoundingClientRect();
    const first = rects[0]!; // every step has a name: its first line
    // A line is a rect below the first line's; the Do it or status counts when it starts a line of its own (no text beside it).
    const below = (r: DOMRect) => r.top >= first.bottom - 2;
    const alone = !rects.some((r) => r.top < after.bottom && after.top < r.bottom);
    const later = [...rects.slice(1).filter(below), ...(below(after) && alone ? [after] : [])];
    const number = step.querySelector('.presenter-step-number')!.getBoundingClientRect();
    return {
      name: name.textContent ?? '', lines: new Set(rects.map((r) => Math.round(r.top))).size,
      textLeft: first.left, lineLefts: later.map((r) => r.left), numberRight: number.right,
    };
  }));
}

async function expectHangingIndent(page: Page): Promise<void> {
  const steps = await stepLines(page);
  for (const s of steps) {
    for (const left of s.lineLefts) {
      expect(Math.abs(left - s.textLeft), `"${s.name}": a wrapped line starts ${(left - s.textLeft).toFixed(1)} px from its first line's text`).toBeLessThanOrEqual(1);
    }
    expect(s.textLeft, `"${s.name}": its text starts after its number`).toBeGreaterThan(s.numberRight);
  }
}

for (const size of SIZES) {
  for (const { id } of MANY_CHECKS) {
    test(`presenter at ${size.width}x${size.height}: ${id}'s stacked step names wrap under their own text, not their number`, async ({ page }) => {
      await openPresenter(page, id, size);
      const steps = page.getByTestId('presenter-steps');
      await expect(steps).toBeVisible();
      await page.waitForTimeout(300);
      await expectHangingIndent(page);
      while (await steps.locator('.lesson-do').count() > 0) await steps.locator('.lesson-do').first().click();
      await expectHangingIndent(page);
      await page.getByTestId('presenter').screenshot({ path: `/tmp/ui-polish-steps-${id}-${size.width}.png` });
    });
  }
}

/** The test above sees a wrap: at 1024 wide the ordering lesson's first step ("delay checkout--orders-fifo") takes two lines. */
test('at 1024x768 a stacked step name wraps', async ({ page }) => {
  await openPresenter(page, 'ordering-exactly-once', { width: 1024, height: 768 });
  await expect(page.getByTestId('presenter-steps')).toBeVisible();
  await page.waitForTimeout(300);
  expect(Math.max(...(await stepLines(page)).map((s) => s.lines))).toBeGreaterThan(1);
});
