import type { MouseEvent as ReactMouseEvent, TouchEvent as ReactTouchEvent } from 'react';

/**
 * A badge drawn over nodes' handles (an edge's lost badge, apart from its label or in a raised one) takes the pointer,
 * so that hovering it shows its tooltip; a press on it where a handle lies beneath goes on to that handle, which then
 * starts drawing an edge as if pressed itself: the badge never takes a handle away. Anywhere else the press is the badge's.
 * A mouse's press is a mousedown, a finger's a touchstart (a touch sends no mousedown until it is lifted): React Flow's
 * handle starts a connection on either, and follows the finger's touchmoves from the document, where they bubble from the badge.
 */
export function passPressToHandle(event: ReactMouseEvent<HTMLElement> | ReactTouchEvent<HTMLElement>): void {
  const native = event.nativeEvent;
  // Not `instanceof TouchEvent`: a desktop Firefox without touch has no TouchEvent at all.
  const touch = 'touches' in native;
  const at = touch ? native.touches[0] : native;
  if (!at) return;
  const handle = document.elementsFromPoint(at.clientX, at.clientY).find((el) => el.classList.contains('react-flow__handle'));
  if (!handle) return;
  // React listens to touchstart passively: it cannot be cancelled, nor need be (the badge's touch-action is none, canvas.css).
  if (event.cancelable) event.preventDefault();
  event.stopPropagation();
  handle.dispatchEvent(touch
    ? new TouchEvent('touchstart', {
      bubbles: true, cancelable: true, composed: true,
      touches: [...native.touches], targetTouches: [...native.targetTouches], changedTouches: [...native.changedTouches],
    })
    : new MouseEvent('mousedown', native));
}
