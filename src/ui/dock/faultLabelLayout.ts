/**
 * Where the labels of a chart's fault marks go, in pixels: each label in the first row where it fits whole, else
 * in the first row where one of its shorter forms does, else its short form cut, else none (its mark then keeps
 * only a hover title). A label never prints over
 * another and never runs past the plot's right edge: one too near the edge moves left of its mark. Text width is
 * measured by characters (an average advance per character, a little wide), so this is pure and tested in Node.
 */

/** A mark's label to place: the mark's x in pixels, its full text and its shorter forms, shortest last. */
export interface LabelWish { key: string; x: number; text: string; shorter: readonly string[] }

/** A placed label: where its text starts, its row from the top, what it shows ('' for none) and its full text. */
export interface PlacedLabel { key: string; x: number; row: number; shown: string; full: string }

/** The room: the plot's left and right edges in pixels, the rows it may stack, the width of a character. */
export interface LabelRoom { left: number; right: number; rows: number; charPx: number }

/** Space between a mark's line and its label, and between two labels of a row. */
const GAP_PX = 3;
const SPACING_PX = 6;

/** `text` cut to at most `chars` characters, with an ellipsis when cut; '' when not even two fit. */
export function fitLabel(text: string, chars: number): string {
  if (text.length <= chars) return text;
  return chars >= 3 ? `${text.slice(0, chars - 1)}…` : '';
}

/** Left to right: each row remembers the spans its labels take. */
export function layoutFaultLabels(wishes: readonly LabelWish[], room: LabelRoom): PlacedLabel[] {
  const rows: Array<Array<[number, number]>> = Array.from({ length: Math.max(1, room.rows) }, () => []);
  const order = [...wishes].sort((a, b) => a.x - b.x);
  const placed = new Map<string, PlacedLabel>();
  for (const w of order) {
    const spot = wholeSpot(w, room, rows) ?? cutSpot(w, room, rows);
    if (spot) rows[spot.row]!.push([spot.x, spot.x + widthOf(spot.shown, room)]);
    placed.set(w.key, { key: w.key, x: spot?.x ?? w.x, row: spot?.row ?? 0, shown: spot?.shown ?? '', full: w.text });
  }
  return wishes.map((w) => placed.get(w.key)!);
}

const widthOf = (text: string, room: LabelRoom) => text.length * room.charPx;

/** Where a text of `width` starts for a mark at `markX`: right of the line, else left of it, else against the right edge. */
function startFor(markX: number, width: number, room: LabelRoom): number | null {
  if (width > room.right - room.left) return null;
  if (markX + GAP_PX + width <= room.right) return Math.max(room.left, markX + GAP_PX);
  return Math.max(room.left, Math.min(markX - GAP_PX - width, room.right - width));
}

const free = (spans: Array<[number, number]>, from: number, to: number) =>
  spans.every(([a, b]) => to + SPACING_PX <= a || b + SPACING_PX <= from);

/** The first row, the full text before the short one, where the label fits whole. */
function wholeSpot(w: LabelWish, room: LabelRoom, rows: Array<Array<[number, number]>>) {
  for (const text of [w.text, ...w.shorter.filter((s) => s !== w.text && s !== '')]) {
    const width = widthOf(text, room);
    const x = startFor(w.x, width, room);
    if (x === null) continue;
    const row = rows.findIndex((spans) => free(spans, x, x + width));
    if (row >= 0) return { x, row, shown: text };
  }
  return null;
}

/** The first short form (else the text) cut to the room right of the mark in the row that has most, if a few letters fit. */
function cutSpot(w: LabelWish, room: LabelRoom, rows: Array<Array<[number, number]>>) {
  const x = Math.max(room.left, w.x + GAP_PX);
  let best: { x: number; row: number; shown: string } | null = null;
  for (const [row, spans] of rows.entries()) {
    if (!free(spans, x, x + 1)) continue;
    const next = Math.min(room.right, ...spans.filter(([a]) => a >= x).map(([a]) => a - SPACING_PX));
    const shown = fitLabel(w.shorter[0] ?? w.text, Math.floor((next - x) / room.charPx));
    if (shown !== '' && shown.length > (best?.shown.length ?? 0)) best = { x, row, shown };
  }
  return best;
}
