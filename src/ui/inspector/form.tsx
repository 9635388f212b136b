import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { ScenarioError } from '../../schema';
import type { EditResult } from '../document/documentStore';
import { useDraftStore } from './draftStore';
import { getIn, joinPath, setIn, type Path } from './paths';

export interface FormApi {
  /** The value being edited: the refused draft if there is one, else the stored value. */
  value: unknown;
  get: (path: Path) => unknown;
  set: (path: Path, next: unknown) => void;
  /** Messages for exactly this path (or, with `descendants`, anything under it). */
  errorsAt: (path: Path, descendants?: boolean) => string[];
  errors: ScenarioError[];
}

const FormContext = createContext<FormApi | null>(null);

export function useForm(): FormApi {
  const form = useContext(FormContext);
  if (!form) throw new Error('an inspector field must sit inside a <Form>');
  return form;
}

interface FormProps {
  /** Identifies what is edited, e.g. `node:queue-1`; a draft for another target is ignored. */
  target: string;
  stored: unknown;
  /** Where `stored` sits in the document, for matching error paths (`nodes[2]`, `edges[0].config`, ``). */
  prefix: string;
  /** `group` names the field, so that typing in it makes one undo step. */
  commit: (next: unknown, group: string) => EditResult;
  children: ReactNode;
}

/** Every change goes into the document at once; a change the schema refuses stays as a draft with its errors. */
export function Form({ target, stored, prefix, commit, children }: FormProps) {
  const draft = useDraftStore();
  const active = draft.target === target && draft.base === stored;
  const value = active ? draft.draft : stored;
  const errors = useMemo(() => (active ? draft.errors : []), [active, draft.errors]);
  const set = useCallback((path: Path, next: unknown) => {
    const candidate = setIn(value, path, next);
    const result = commit(candidate, `${target}:${path.join('.')}`);
    if (result.ok) useDraftStore.getState().drop();
    else useDraftStore.getState().keep(target, stored, candidate, result.errors);
  }, [value, commit, target, stored]);
  const api = useMemo<FormApi>(() => ({
    value,
    errors,
    get: (path) => getIn(value, path),
    set,
    errorsAt: (path, descendants = false) => {
      const full = joinPath(prefix, path);
      return errors
        .filter((e) => e.path === full || (descendants && (e.path.startsWith(`${full}.`) || e.path.startsWith(`${full}[`))))
        .map((e) => (e.path === full ? e.message : `${e.path.slice(full.length).replace(/^\./, '')}: ${e.message}`));
    },
  }), [value, errors, set, prefix]);
  return <FormContext.Provider value={api}>{children}</FormContext.Provider>;
}
