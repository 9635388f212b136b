import { z } from 'zod';
import { FaultSchema } from './faults';
import { num } from './numbers';
import { idString, text } from './strings';

export const LESSON_VERSION = 1;

/** Comparisons a check may make. */
export const CHECK_OPS = ['<', '<=', '==', '>=', '>', '!='] as const;
export type CheckOp = (typeof CHECK_OPS)[number];

/**
 * The drop reasons a `dropped` check may name: the engine's DropReason (src/engine/api.ts), listed here
 * because the schema may not import the engine; src/lessons/evaluate.ts asserts at compile time that
 * the two lists are the same, so a typo in a lesson is refused instead of reading 0 for ever.
 */
export const CHECK_DROP_REASONS = ['unroutable', 'returned', 'filtered', 'lostAfterAutoAck', 'rejected', 'expired', 'maxlen',
  'rejectPublish', 'delivery_limit', 'deadLetterCycle', 'subscriberOffline', 'linkLoss', 'partition', 'nodeDown',
  'transientOnRestart', 'unreplicatedOnFailover', 'producerCrash', 'lateReply', 'unmatchedReply', 'deduplicated',
  'invalidFifoPublish', 'accessRefused', 'corrupt', 'callFailed'] as const;

const op = () => z.enum(CHECK_OPS, { error: 'must be one of <, <=, ==, >=, >, !=' });
const value = () => num({ min: -1e15, max: 1e15 });

/**
 * A check evaluated on the run, shown as pass or fail. Each reads one figure the app already shows:
 * - total:   a whole-run message total (the report's `messages`), e.g. dropped == 0 ("no message lost")
 * - dropped: messages dropped for one reason (the report's `droppedByReason`; 0 when none)
 * - node:    a node's report figure at the current time, e.g. requester `timeouts` == 0; `rttMs.p95`
 *            reads one statistic of a latency summary (or one entry of a nested record)
 * - peak:    the highest value a node's sampled figure reached so far, e.g. queue `ready` < 50
 * - latency: an end-to-end latency statistic, ms
 * - audit:   a delivery-guarantee audit figure (duplicates, outOfOrder, lost, deliveredMoreThanOnce)
 * `label` is what the class reads ("no message lost"). A check is final when the run has finished;
 * before that it shows its verdict so far.
 */
export const CheckSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('total'), id: idString(), label: text(200), field: z.enum(['produced', 'acked', 'queued', 'inFlight', 'deadLettered', 'dropped', 'retried']), op: op(), value: value() }),
  z.strictObject({ type: z.literal('dropped'), id: idString(), label: text(200), reason: z.enum(CHECK_DROP_REASONS, { error: `must be a drop reason: ${CHECK_DROP_REASONS.join(', ')}` }), op: op(), value: value() }),
  z.strictObject({ type: z.literal('node'), id: idString(), label: text(200), node: idString(), field: z.string().min(1).max(64), op: op(), value: value() }),
  z.strictObject({ type: z.literal('peak'), id: idString(), label: text(200), node: idString(), field: z.enum(['ready', 'unacked', 'busy', 'inPerSec', 'outPerSec']), op: op(), value: value() }),
  z.strictObject({ type: z.literal('latency'), id: idString(), label: text(200), stat: z.enum(['mean', 'p50', 'p95', 'p99', 'max']), op: op(), value: value() }),
  z.strictObject({ type: z.literal('audit'), id: idString(), label: text(200), field: z.enum(['duplicates', 'outOfOrder', 'lost', 'deliveredMoreThanOnce', 'deadLettered']), op: op(), value: value() }),
], { error: 'must be a check: total, dropped, node, peak, latency or audit' });

/**
 * One step of the guided experiment: what the teacher says, and optionally the fault the "Do it"
 * button injects live (its `atMs` is where a headless replay of the lesson applies it).
 */
export const ExperimentStepSchema = z.strictObject({
  text: text(1000),
  fault: FaultSchema.optional(),
});

const verdicts = z.record(z.string(), z.enum(['pass', 'fail']));

export const LessonSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(LESSON_VERSION, { error: `must be ${LESSON_VERSION} (the lesson format version)` }),
  id: idString(),
  title: text(120).min(1, { error: 'must not be empty' }),
  /** The pattern or behaviour it teaches, for grouping in the Lessons panel. */
  topic: text(80),
  /** Display order within the panel (lower first). */
  order: num({ int: true, min: 0, max: 10_000 }).default(100),
  /** What the lesson is about: a few sentences. */
  summary: text(3000),
  /** What to watch on the canvas and the charts. */
  watch: z.array(text(500)).max(20).default(() => []),
  /** The guided experiment, in order. */
  experiment: z.array(ExperimentStepSchema).max(20).default(() => []),
  checks: z.array(CheckSchema).min(1, { error: 'a lesson needs at least one check' }).max(20),
  /** Which node's chart the presenter view shows, and which figure. */
  chart: z.strictObject({ node: idString(), field: z.enum(['ready', 'unacked', 'busy', 'inPerSec', 'outPerSec', 'p50', 'p95', 'p99']) }).optional(),
  /**
   * The verdicts a run gives, for the author and the tests: `baseline` as the scenario stands,
   * `experiment` with every experiment fault applied at its `atMs`. Check ids → pass or fail.
   */
  expect: z.strictObject({ baseline: verdicts, experiment: verdicts.optional() }),
  /** The scenario, in the scenario format: parsed by parseScenario, errors reported under `scenario`. */
  scenario: z.unknown(),
});

export type Lesson = z.output<typeof LessonSchema>;
export type LessonCheck = z.output<typeof CheckSchema>;
export type ExperimentStep = z.output<typeof ExperimentStepSchema>;
