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
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** zod's own wording ("Invalid input: expected object, received string") is replaced by a sentence. */
const EXPECTED: Record<string, string> = { object: 'must be an object', array: 'must be a list', string: 'must be a string', number: 'must be a number', boolean: 'must be true or false' };
const isZodDefault = (message: string) => message.startsWith('Invalid ');

function typeMessage(issue: z.core.$ZodIssue): string {
  const expected = (issue as { expected?: string }).expected;
  return isZodDefault(issue.message) && expected ? (EXPECTED[expected] ?? `must be ${expected}`) : issue.message;
}

/** A discriminated union names the field it switches on; report that field's value, not the whole object. */
function discriminatorMessage(issue: z.core.$ZodIssue, input: unknown): { code: string; message: string } | null {
  const key = (issue as { discriminator?: string }).discriminator;
  if (issue.code !== 'invalid_union' || key === undefined) return null;
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;
  const isNodeKind = issue.path[0] === 'nodes' && issue.path.length === 3 && key === 'kind';
  const expected = isNodeKind ? `a node kind, one of ${NODE_KINDS.join(', ')}` : issue.message;
  if (value === undefined) return { code: 'missing', message: `is required: ${expected}` };
  if (isNodeKind) return { code: 'unknown_kind', message: `unknown node kind ${describeValue(value)}; expected one of ${NODE_KINDS.join(', ')}` };
  return { code: 'invalid_value', message: `${issue.message}, got ${describeValue(value)}` };
}

/** `…, got -2` is added where the value a person wrote helps them find the mistake. */
function messageFor(issue: z.core.$ZodIssue): { code: string; message: string } {
  const input = (issue as { input?: unknown }).input;
  const custom = (issue as { params?: { code?: string } }).params?.code;
  if (custom) return { code: custom, message: issue.message };
  const discriminated = discriminatorMessage(issue, input);
  if (discriminated) return discriminated;
  switch (issue.code) {
    case 'unrecognized_keys':
      return { code: 'unknown_field', message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` };
    case 'invalid_type':
      if (input === undefined) return { code: 'missing', message: `is required: ${typeMessage(issue)}` };
      return { code: 'invalid_type', message: `${typeMessage(issue)}, got ${describeValue(input)}` };
    case 'custom':
      // A refinement of a whole object (e.g. uniform max ≥ min) carries the object as input: naming it helps nobody.
      if (typeof input === 'object' && input !== null && !Array.isArray(input)) return { code: 'invalid_value', message: issue.message };
      return { code: 'invalid_value', message: input === undefined ? issue.message : `${issue.message}, got ${describeValue(input)}` };
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
