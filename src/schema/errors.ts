import type { z } from 'zod';
import { NODE_KINDS } from './nodeKinds';

/** One reason a document was refused: where (a JSON path) and why (a sentence). */
export interface ScenarioError {
  /** Stable machine-readable code, e.g. "invalid_value", "missing_node", "bad_connection". */
  code: string;
  /** JSON path such as `nodes[3].config.prefetch`; empty for the document itself. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** `…, got -2` is added where the value a person wrote helps them find the mistake. */
function messageFor(issue: z.core.$ZodIssue): { code: string; message: string } {
  const input = (issue as { input?: unknown }).input;
  const custom = (issue as { params?: { code?: string } }).params?.code;
  if (custom) return { code: custom, message: issue.message };
  const last = issue.path[issue.path.length - 1];
  if (issue.path[0] === 'nodes' && issue.path.length === 3 && last === 'kind') {
    const kind = typeof input === 'object' && input !== null ? (input as { kind?: unknown }).kind : input;
    return { code: 'unknown_kind', message: `unknown node kind ${describeValue(kind)}; expected one of ${NODE_KINDS.join(', ')}` };
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return { code: 'unknown_field', message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` };
    case 'invalid_type':
      if (input === undefined) return { code: 'missing', message: `is required: ${issue.message}` };
      return { code: 'invalid_type', message: `${issue.message}, got ${describeValue(input)}` };
    default:
      return { code: 'invalid_value', message: input === undefined ? issue.message : `${issue.message}, got ${describeValue(input)}` };
  }
}

export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): ScenarioError[] {
  return issues.map((issue) => {
    const { code, message } = messageFor(issue);
    return { code, path: formatPath(issue.path), message };
  });
}

/** One line per error, as the CLI prints them: `nodes[3].config.prefetch: must be …, got -2`. */
export function formatError(error: ScenarioError): string {
  return error.path ? `${error.path}: ${error.message}` : error.message;
}
