import { expect, type Page } from '@playwright/test';
import { boxesOverlap, openApp, type Box } from './helpers';

/** The least an edge label's type may show at on the screen (presenterLabels.ts LEGIBLE_LABEL_PX). */
export const LEGIBLE_PX = 14;

/** An edge label (or a lost badge set apart from its crowded label) as the presenter shows it. */
export interface SeenLabel { id: string; text: string; fit: string; hidden: boolean; px: number; handles: number; box: Box }

/**
 * The presenter canvas's edge labels and the lost badges set apart from them: their text, their fit (data-fit), whether
 * they are hidden (a crowded label is), their type's size on the screen, how many handles they cover, their box.
 */
export async function seenLabels(page: Page): Promise<SeenLabel[]> {
  return page.getByTestId('presenter-canvas').evaluate((canvas) => {
    const handles = [...canvas.querySelectorAll('.react-flow__handle')].map((h) => h.getBoundingClientRect()).filter((b) => b.width > 0);
    return [...canvas.querySelectorAll<HTMLElement>('.bl-edge-label, .bl-edge-lost-apart')].map((el) => {
      const r = el.getBoundingClientRect();
      const pill = el.querySelector<HTMLElement>(':scope > span');
      const px = pill ? parseFloat(getComputedStyle(pill).fontSize) * (r.height / Math.max(1, el.offsetHeight)) : 0;
      const covered = handles.filter((b) => r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom).length;
      const fit = el.dataset.fit ?? '';
      const hidden = getComputedStyle(el).display === 'none' || getComputedStyle(el).visibility === 'hidden' || r.width === 0 || fit === 'crowded';
      return { id: el.dataset.testid ?? '', text: el.textContent ?? '', fit, hidden, px, handles: covered, box: { x: r.x, y: r.y, width: r.width, height: r.height } };
    });
  });
}

/**
 * The labels of the look, among `samples` looks `every` ms apart, that found the most of them: a busy edge's label comes
 * and goes with its rate, and a lesson's bursts (auto-vs-manual-ack publishes 2 s in every 10) may end just before a
 * single look, which would then judge no label at all.
 */
export async function busiestLabels(page: Page, samples = 7, every = 250): Promise<SeenLabel[]> {
  let most: SeenLabel[] = [];
  for (let i = 0; i < samples; i++) {
    if (i > 0) await page.waitForTimeout(every);
    const labels = await seenLabels(page);
    if (labels.length > most.length) most = labels;
  }
  return most;
}

/** What is wrong with the labels seen: hidden, over one another, too small to read, over a node's handle (all empty when right). */
export function labelFaults(labels: readonly SeenLabel[]): { hidden: string[]; overlapping: string[]; small: string[]; onHandles: string[] } {
  const shown = labels.filter((l) => !l.hidden);
  return {
    hidden: labels.filter((l) => l.hidden).map((l) => `${l.id} ${l.text}`),
    overlapping: shown.flatMap((a, i) => shown.slice(i + 1).filter((b) => boxesOverlap(a.box, b.box)).map((b) => `${a.text} / ${b.text}`)),
    small: shown.filter((l) => l.px < LEGIBLE_PX).map((l) => `${l.text} ${l.px.toFixed(1)} px`),
    onHandles: shown.filter((l) => l.handles > 0).map((l) => l.text),
  };
}

type LabelFaults = ReturnType<typeof labelFaults>;

/**
 * The labels' faults seen in any of `samples` looks `every` ms apart, each fault once. A busy edge's label comes and goes
 * with its rate (an edge idle for a second has none), so one look may miss the very label that has no place.
 */
export async function labelFaultsWhile(page: Page, samples = 12, every = 250): Promise<LabelFaults> {
  const seen: LabelFaults = { hidden: [], overlapping: [], small: [], onHandles: [] };
  for (let i = 0; i < samples; i++) {
    if (i > 0) await page.waitForTimeout(every);
    const faults = labelFaults(await seenLabels(page));
    for (const key of Object.keys(seen) as (keyof LabelFaults)[]) {
      // A rate changes as the run goes: the fault is the label's, not its figure's.
      for (const f of faults[key]) { const what = f.replace(/[\d.]+(\/s|k)?/g, '#'); if (!seen[key].includes(what)) seen[key].push(what); }
    }
  }
  return seen;
}

/** Opens the lesson `id` in the presenter (P) at the page's size and starts its run, until the busy edges show their rates. */
export async function presentAndRun(page: Page, id: string): Promise<void> {
  await openApp(page, `/#lesson=${id}`);
  await page.keyboard.press('p');
  await expect(page.getByTestId('presenter')).toBeVisible();
  await page.waitForTimeout(800);
  await page.getByTestId('run-play').click();
  await expect.poll(async () => page.locator('[data-testid="edge-rate"]').count()).toBeGreaterThan(0);
}
