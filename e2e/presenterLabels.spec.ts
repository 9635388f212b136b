import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { busiestLabels, labelFaults, legibility, openPresenter, outsideCanvas, runToEnd, settledView, underControls } from './presenterProbes';

/**
 * The presenter's edge labels and step names, every lesson, at a projector's 1280×720 and a small screen's 1024×768,
 * during a run (the busy edges show their rates, so the labels are as wide as they get): every label shown, none over
 * another, none over a node's handle, none in type too small to read, nothing under the zoom controls; every step's
 * fault name whole (or its full text in its title). At 1280×720 the same opened lesson is then run to its end for presenter.spec.ts's figures checks, so
 * that each lesson is opened once per size.
 */
const LESSON_IDS = readdirSync('lessons').filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
const SIZES = [{ width: 1280, height: 720 }, { width: 1024, height: 768 }];
const SHOTS = process.env.PRESENTER_SHOTS;

/**
 * The step names cut: the fault's name ("partition orders-dlx--orders-dlq", before its times, which may give way)
 * running past its box's clip (an ellipsis) or out of its step's box, or a step cut by the strip.
 */
async function cutStepNames(page: Page): Promise<string[]> {
  return page.locator('.presenter-step').evaluateAll((steps) => steps.flatMap((step) => {
    const fault = step.querySelector<HTMLElement>('.presenter-step-fault');
    const name = fault?.firstChild;
    if (!fault || !name) return [];
    const box = step.getBoundingClientRect();
    const clip = getComputedStyle(fault).overflow === 'hidden' ? fault.getBoundingClientRect() : box;
    const range = document.createRange();
    range.selectNodeContents(name);
    const outside = [...range.getClientRects()].some((r) => r.width > 0
      && (r.right > Math.min(box.right, clip.right) + 1 || r.bottom > box.bottom + 1 || r.left < box.left - 1));
    const strip = step.closest('.presenter-bottom')!.getBoundingClientRect();
    return outside || box.right > strip.right + 1 ? [name.textContent ?? ''] : [];
  }));
}

const MANY_CHECKS = readdirSync('lessons').filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`lessons/${f}`, 'utf8')) as { id: string; checks: unknown[] }).filter((l) => l.checks.length >= 5);

// The steps stacked above the chart, in its narrow column: each name whole, done or not, and Do it never resizes the strip.
for (const size of SIZES) {
  for (const { id } of MANY_CHECKS) {
    test(`presenter at ${size.width}x${size.height}: ${id}'s step names show whole before and after Do it, in a strip of one size`, async ({ page }) => {
      await openPresenter(page, id, size);
      const steps = page.getByTestId('presenter-steps');
      await expect(steps).toBeVisible();
      await page.waitForTimeout(500);
      const before = { steps: await steps.boundingBox(), strip: await page.locator('.presenter-bottom').boundingBox() };
      expect(await cutStepNames(page)).toEqual([]);
      // Each Do it pressed becomes its status: the first left is the next to press.
      while (await steps.locator('.lesson-do').count() > 0) await steps.locator('.lesson-do').first().click();
      expect(await cutStepNames(page)).toEqual([]);
      expect({ steps: await steps.boundingBox(), strip: await page.locator('.presenter-bottom').boundingBox() }).toEqual(before);
      // The status cut to the button's width gives itself whole in its title.
      for (const done of await steps.locator('.lesson-step-done').all()) await expect(done).toHaveAttribute('title', /done|scheduled/);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/steps-done-${id}-${size.width}.png` });
    });
  }
}

/** The projector's size, where each lesson's run is also driven to its end for the figures (presenter.spec.ts's checks). */
const PROJECTOR = SIZES[0]!;

for (const size of SIZES) {
  for (const id of LESSON_IDS) {
    const projector = size === PROJECTOR;
    const title = projector
      ? `presenter at 1280x720: ${id}'s edge labels all show, legibly, apart, off the handles, inside the canvas; its step names whole; `
        + 'at its end its live figures show at 14 px or more, inside their nodes, no node over another'
      : `presenter at ${size.width}x${size.height}: ${id}'s edge labels all show, legibly, apart; its step names whole`;
    test(title, async ({ page }) => {
      await openPresenter(page, id, size);
      await settledView(page);
      await page.getByTestId('run-play').click();
      await expect.poll(async () => page.locator('[data-testid="edge-rate"]').count()).toBeGreaterThan(0);
      // The rates shown refresh once a (wall) second (telemetryStore.ts RATE_LABEL_MS): within the next 1.5 s every busy
      // edge shows its rate; the labels are judged at the look that found the most of them.
      const labels = await busiestLabels(page);
      const seen = { ...labelFaults(labels), cutSteps: await cutStepNames(page), underControls: await underControls(page) };
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${id}-${size.width}.png` });
      if (!projector) {
        expect(seen).toEqual({ hidden: [], overlapping: [], small: [], onHandles: [], cutSteps: [], underControls: [] });
        return;
      }
      // Soft, so that a fault in the labels still lets the figures at the end report theirs.
      expect.soft(seen).toEqual({ hidden: [], overlapping: [], small: [], onHandles: [], cutSteps: [], underControls: [] });
      expect.soft(labels.length, 'edge labels drawn').toBeGreaterThan(0);
      expect.soft(await outsideCanvas(page), 'drawn outside the canvas during the run').toEqual([]);
      await page.screenshot({ path: `e2e-artifacts/presenter-labels-${id}.png` });

      // The same run, driven to its end (counts as wide as they get): the figures read from the back of the room too.
      await runToEnd(page);
      await settledView(page);
      const end = await legibility(page);
      expect({ figures: end.figures, overlapping: end.overlapping, smallNames: end.names.small })
        .toEqual({ figures: { small: [], cut: [] }, overlapping: [], smallNames: [] });
      expect(await outsideCanvas(page), 'drawn outside the canvas at the end').toEqual([]);
      expect(await underControls(page), 'under the zoom controls at the end').toEqual([]);
      await page.screenshot({ path: `e2e-artifacts/presenter-figures-${id}.png` });
    });
  }
}
