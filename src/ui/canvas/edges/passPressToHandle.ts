import type { MouseEvent as ReactMouseEvent } from 'react';

/**
 * A badge drawn over nodes' handles (an edge's lost badge, apart from its label or in a raised one) takes the pointer,
 * so that hovering it shows its tooltip; a press on it where a handle lies beneath goes on to that handle, which then
 * starts drawing an edge as if pressed itself: the badge never takes a handle away. Anywhere else the press is the badge's.
 */
export function passPressToHandle(event: ReactMouseEvent<HTMLElement>): void {
  const handle = document.elementsFromPoint(event.clientX, event.clientY).find((el) => el.classList.contains('react-flow__handle'));
  if (!handle) return;
  event.preventDefault();
  event.stopPropagation();
  handle.dispatchEvent(new MouseEvent('mousedown', event.nativeEvent));
}
