/**
 * Between a number box's text and the document value. What an empty box means is named, not passed as
 * `undefined`: a destructuring default replaces an explicit `undefined`, so `empty="unset"` used to
 * turn into "required" and a cleared optional field was refused with `got ""`.
 */

/** `required`: empty is an error; `unset`: empty removes the key (schema default); `null`: empty is "none". */
export type EmptyMeaning = 'required' | 'unset' | 'null';

export const numberToText = (v: unknown): string => (typeof v === 'number' ? String(v) : v === null || v === undefined ? '' : String(v));

/** Numbers go to the schema as numbers; anything else goes as typed, so the error can quote it. */
export function parseNumberText(text: string, empty: EmptyMeaning): unknown {
  const t = text.trim();
  if (t === '') return empty === 'unset' ? undefined : empty === 'null' ? null : '';
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}
