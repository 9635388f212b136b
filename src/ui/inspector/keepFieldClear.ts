/**
 * The "Not applied" banner sticks to the bottom of the inspector, so the field being typed in never
 * jumps; but a field near the bottom would then sit under it, its red border and message hidden. This
 * scrolls the inspector just enough to show the field in error above the banner.
 */

/** Space left between the field and the banner, px. */
const GAP = 8;

/** The field to keep in view: the one being typed in if it is invalid, else the first invalid one. */
function fieldInError(scroller: Element): Element | null {
  const focused = document.activeElement?.closest('.field-invalid');
  if (focused && scroller.contains(focused)) return focused;
  return scroller.querySelector('.field-invalid');
}

/** Scrolls the inspector (the banner's scrolling ancestor) so that the field in error is not under `banner`. */
export function keepFieldClear(banner: HTMLElement): void {
  const scroller = banner.closest('.inspector-scroll');
  if (!scroller) return;
  const field = fieldInError(scroller);
  if (!field) return;
  const covered = field.getBoundingClientRect().bottom + GAP - banner.getBoundingClientRect().top;
  if (covered > 0) scroller.scrollTop += covered;
}
