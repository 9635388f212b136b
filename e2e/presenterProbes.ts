import { expect, type Page } from '@playwright/test';
import lzString from 'lz-string';
import { boxesOverlap, openApp, type Box } from './helpers';

/**
 * What the presenter specs (presenter*.spec.ts) do and read off the projector's view: a lesson opened in the presenter,
 * what is drawn outside the canvas, when the view has settled, how legible the nodes are, the run driven to its end,
 * and the edge labels (shown, apart, legible, off the handles).
 */

type Size = { width: number; height: number };

/** Opens the lesson `lesson` (a built-in's id, or a whole lesson, opened from its share link) in the presenter (P) at `size`. */
export async function openPresenter(page: Page, lesson: string | object, size: Size): Promise<void> {
  await page.setViewportSize(size);
  await openApp(page, typeof lesson === 'string' ? `/#lesson=${lesson}` : `/#lesson-data=${lzString.compressToEncodedURIComponent(JSON.stringify(lesson))}`);
  await page.keyboard.press('p');
  await expect(page.getByTestId('presenter')).toBeVisible();
}

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

/** The ids of the nodes and edge labels under the canvas's zoom controls (none, or no controls: an empty list). */
export async function underControls(page: Page): Promise<string[]> {
  return page.getByTestId('presenter-canvas').evaluate((canvas) => {
    const c = canvas.querySelector('.react-flow__controls')?.getBoundingClientRect();
    if (!c) return [];
    return [...canvas.querySelectorAll('.react-flow__node, .bl-edge-label')].flatMap((el) => {
      const r = el.getBoundingClientRect();
      const under = r.width + r.height > 0 && r.left < c.right && c.left < r.right && r.top < c.bottom && c.top < r.bottom;
      return under ? [el.closest('[data-id]')?.getAttribute('data-id') ?? el.getAttribute('data-testid') ?? el.className.toString()] : [];
    });
  });
}

export const viewTransform = (page: Page): Promise<string> => page.locator('.react-flow__viewport').evaluate((v: HTMLElement) => v.style.transform);

/** The view once the fit on opening has settled: the same transform twice, a refit's time apart. */
export async function settledView(page: Page): Promise<string> {
  await expect.poll(async () => { const t = await viewTransform(page); await page.waitForTimeout(500); return t === await viewTransform(page); }).toBe(true);
  return viewTransform(page);
}

/** Each node's name's type size on the screen (px): its font size times the canvas's zoom. */
export async function nameSizes(page: Page): Promise<Record<string, number>> {
  return page.getByTestId('presenter-canvas').evaluate((canvas) => Object.fromEntries([...canvas.querySelectorAll<HTMLElement>('.react-flow__node')].map((n) => {
    const name = n.querySelector<HTMLElement>('.bl-node-title strong')!;
    return [n.dataset.id ?? '', Math.round(parseFloat(getComputedStyle(name).fontSize) * (n.getBoundingClientRect().width / n.offsetWidth) * 100) / 100];
  })));
}

/** Runs the open lesson at top speed to its end (from wherever it is), then leaves a refit time to happen (a settle, a fit, its animation). */
export async function runToEnd(page: Page): Promise<void> {
  await page.getByTestId('run-speed').selectOption('max');
  // Play only a run that is not going and not over: on a finished run the button is Replay, which would start it again.
  const status = await page.getByTestId('run-status').textContent();
  if (status !== 'running' && status !== 'finished') await page.getByTestId('run-play').click();
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

/** The least an edge label's type may show at on the screen (presenterLabels.ts LEGIBLE_LABEL_PX). */
export const LEGIBLE_PX = 14;
/** The size the presenter promises a node's name on the screen (src/ui/presenter/presenterScale.ts NAME_PX), stated here as the test's own expectation. */
export const NAME_PX = 20;

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
 * The labels of the look, among `samples` looks `every` ms apart, that found the most of them: an edge's label gains its
 * rate with the edge's first rate shown (refreshed once a second), and the edges get busy at different times, so one
 * early look may judge fewer labels than the run shows (in the presenter a label keeps its rate once it has one,
 * "0/s" while idle: src/ui/canvas/edges/labelContent.ts).
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
 * The labels' faults seen in any of `samples` looks `every` ms apart, each fault once. An edge's label gains its rate
 * with the edge's first rate shown, so one look may miss the very label that has no place.
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

/** Opens the lesson `id` in the presenter at `size` and starts its run, until the busy edges show their rates. */
export async function presentAndRun(page: Page, id: string, size: Size): Promise<void> {
  await openPresenter(page, id, size);
  await page.waitForTimeout(800);
  await page.getByTestId('run-play').click();
  await expect.poll(async () => page.locator('[data-testid="edge-rate"]').count()).toBeGreaterThan(0);
}
