import { formatPath } from '../../schema';

export type Path = readonly (string | number)[];

export function getIn(value: unknown, path: Path): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/** A copy of `value` with `path` set; `undefined` removes the key (so an optional field can be cleared). */
export function setIn(value: unknown, path: Path, next: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return next;
  const base = (value !== null && typeof value === 'object' ? value : typeof key === 'number' ? [] : {}) as Record<string | number, unknown>;
  const copy = (Array.isArray(base) ? [...base] : { ...base }) as Record<string | number, unknown>;
  const child = setIn(base[key], rest, next);
  if (child === undefined && !Array.isArray(copy)) delete copy[key];
  else copy[key] = child;
  return copy;
}

/** The JSON path of `path` inside a value that sits at `prefix` in the document: `nodes[2]` + `config.prefetch`. */
export function joinPath(prefix: string, path: Path): string {
  const tail = formatPath(path);
  if (!prefix) return tail;
  if (!tail) return prefix;
  return tail.startsWith('[') ? `${prefix}${tail}` : `${prefix}.${tail}`;
}
