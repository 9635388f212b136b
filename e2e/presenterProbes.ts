import { expect, type Page } from '@playwright/test';

/**
 * What the presenter specs (presenter.spec.ts, presenterLabels.spec.ts) read off the projector's view: what is
 * drawn outside the canvas, when the view has settled, how legible the nodes are, and the run driven to its end.
 */

/** The ids of the nodes, edge curves and edge labels drawn (partly) outside the canvas box. */
export async function outsideCanvas(page: Page): Promise<string[]> {
  return page.getByTestId('presenter-canvas').evaluate((canvas) => {
    const box = canvas.getBoundingClientRect();
    return [...canvas.querySelectorAll('.react-flow__node, .react-flow__edge-path, .bl-edge-label')].flatMap((el) => {
      const r = el.getBoundingClientRect();
      const out = r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1;
      return r.width + r.height > 0 && out ? [el.closest('[data-id]')?.getAttribute('data-id') ?? el.className.toString()] : [];
    });
  });
}

export const viewTransform = (page: Page): Promise<string> => page.locator('.react-flow__viewport').evaluate((v: HTMLElement) => v.style.transform);

/** The view once the fit on opening has settled: the same transform twice, a refit's time apart. */
export async function settledView(page: Page): Promise<string> {
  await expect.poll(async () => { const t = await viewTransform(page); await page.waitForTimeout(500); return t === await viewTransform(page); }).toBe(true);
  return viewTransform(page);
}

/** Runs the open lesson at top speed to its end (from wherever it is), then leaves a refit time to happen (a settle, a fit, its animation). */
export async function runToEnd(page: Page): Promise<void> {
  await page.getByTestId('run-speed').selectOption('max');
  if ((await page.getByTestId('run-status').textContent()) !== 'running') await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 45_000 });
  await page.waitForTimeout(1_000);
}

/** Type too small, and text sticking out of its box, among the nodes' names or their live figures. */
export interface Legibility { small: string[]; cut: string[] }

/**
 * What the room sees of every node: its name's and its live figures' type size times the canvas zoom, those cut
 * (wider than their box, so an ellipsis or a clip, or out of the node), and the ids of nodes drawn over one
 * another, counting the badges hanging below them.
 */
export async function legibility(page: Page): Promise<{ names: Legibility; figures: Legibility; overlapping: string[] }> {
  return page.getByTestId('presenter-canvas').evaluate((canvas) => {
    const nodes = [...canvas.querySelectorAll<HTMLElement>('.react-flow__node')];
    const names = { small: [] as string[], cut: [] as string[] };
    const figures = { small: [] as string[], cut: [] as string[] };
    const onScreen = (el: HTMLElement) => parseFloat(getComputedStyle(el).fontSize) * (el.getBoundingClientRect().height / el.offsetHeight);
    for (const n of nodes) {
      const right = n.getBoundingClientRect().right + 1;
      const name = n.querySelector<HTMLElement>('.bl-node-title strong')!;
      const px = onScreen(name);
      if (px < 18) names.small.push(`${name.textContent} ${px.toFixed(1)} px`);
      if (name.scrollWidth > name.clientWidth || name.getBoundingClientRect().right > right) names.cut.push(name.textContent ?? '');
      for (const stat of n.querySelectorAll<HTMLElement>('.bl-stat')) {
        const figure = onScreen(stat.querySelector<HTMLElement>('.bl-stat-value')!);
        if (figure < 14) figures.small.push(`${n.dataset.id} ${stat.textContent} ${figure.toFixed(1)} px`);
        if (stat.getBoundingClientRect().right > right) figures.cut.push(`${n.dataset.id} ${stat.textContent}`);
      }
    }
    // A node and its badges (they hang below its border) as one box.
    const boxes = nodes.map((n) => {
      const r = n.getBoundingClientRect();
      const badges = n.querySelector('.bl-node-badges')?.getBoundingClientRect();
      return { id: n.dataset.id, left: r.left, right: r.right, top: r.top, bottom: Math.max(r.bottom, badges?.bottom ?? 0) };
    });
    const overlapping = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).map((b) => `${a.id}/${b.id}`));
    return { names, figures, overlapping };
  });
}
