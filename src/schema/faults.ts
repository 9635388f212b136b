import { z } from 'zod';
import { num, probability, timeMs } from './numbers';
import { idString } from './strings';

const base = {
  /** When the fault starts, simulated ms. */
  atMs: timeMs(),
  /** Id of the node or edge it hits. */
  target: idString(),
  /** How long it lasts, ms; left out: until the end of the run (a crash: the node stays down). */
  durationMs: timeMs({ min: 0, minExclusive: true }).optional(),
  /** Set when the fault was triggered live in the app and recorded, so that a replay is exact. */
  live: z.boolean().optional(),
};

/** The most poison messages one poison fault publishes: a burst, not a workload (that is the producer's `poison` config). */
export const MAX_POISON_COUNT = 10_000;

/** A fault that happens at one instant has no duration (the JSON Schema says `not: {}`: the field must be left out). */
const instant = (type: string) => z.never({ error: `a ${type} fault happens at one instant: leave out durationMs` }).optional();

/** Faults on nodes. */
export const NODE_FAULTS = ['crash', 'slow', 'slowDisk', 'poison'] as const;
/** Faults on edges (links). */
export const LINK_FAULTS = ['linkDelay', 'linkLoss', 'partition', 'corrupt'] as const;
/** Faults that last (a state, not an event): the ones a `heal` can end. */
export const LASTING_FAULTS = ['crash', 'slow', 'slowDisk', 'linkDelay', 'linkLoss', 'partition', 'corrupt'] as const;
export type LastingFaultType = (typeof LASTING_FAULTS)[number];

/**
 * A scheduled fault: a timeline entry of time, target, fault and duration.
 * - crash: the node (or a broker with everything it hosts) stops; it restarts when the duration ends
 * - slow: a consumer's service time × factor
 * - slowDisk: a broker's (or queue's) disk writes × factor
 * - linkDelay: every message along the edge is delayed by addMs ± jitterMs
 * - linkLoss: each message along the edge is lost with the probability
 * - partition: the edge carries nothing; messages sent along it are lost
 * - corrupt: each message along the edge is damaged with the probability; a checksum at the consumer detects it
 * - poison: a producer publishes `count` poison messages at once, on top of its workload (every consumer fails them)
 * - heal: at one instant, every active fault of type `of` on the target ends (`of: "crash"` is a restart)
 *
 * Overlapping faults of one type on one target (engine: faultInjector.ts): each is active from its start to its end;
 * the target is in the state of the most recently started one still active, and normal when none is. So a node is
 * down while any of its crashes is active. A heal ends them all at once.
 *
 * Why a general `heal` rather than a `restart` of crashes alone: a crash is not the only fault one may want to end
 * early (a partition healed by hand), and documents of version 2, where the end of any fault restored normal, are
 * migrated by inserting a heal at each end that did so (migrations.ts): that keeps their meaning exactly for every
 * type, which a restart could do for crashes only.
 */
export const FaultSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('crash') }),
  z.strictObject({ ...base, type: z.literal('slow'), factor: num({ min: 0, minExclusive: true, max: 1e6 }) }),
  z.strictObject({ ...base, type: z.literal('slowDisk'), factor: num({ min: 0, minExclusive: true, max: 1e6 }) }),
  z.strictObject({ ...base, type: z.literal('linkDelay'), addMs: num({ min: 0, max: 3_600_000 }), jitterMs: num({ min: 0, max: 3_600_000 }).default(0) }),
  z.strictObject({ ...base, type: z.literal('linkLoss'), probability: probability() }),
  z.strictObject({ ...base, type: z.literal('partition') }),
  z.strictObject({ ...base, type: z.literal('corrupt'), probability: probability() }),
  z.strictObject({ ...base, type: z.literal('poison'), durationMs: instant('poison'), count: num({ int: true, min: 1, max: MAX_POISON_COUNT }).default(1) }),
  z.strictObject({
    ...base, type: z.literal('heal'), durationMs: instant('heal'),
    of: z.enum(LASTING_FAULTS, { error: `must be the type of fault it ends: ${LASTING_FAULTS.join(', ')}` }),
  }),
], { error: 'must be a fault: crash, slow, slowDisk, poison, linkDelay, linkLoss, partition, corrupt or heal' });

export const FaultsSchema = z.array(FaultSchema, { error: 'must be a list of faults' }).max(10_000, { error: 'must hold at most 10000 faults' });

export type Fault = z.output<typeof FaultSchema>;

/** Faults that happen at one instant and have no duration (the schema refuses a `durationMs` on them). */
export const INSTANT_FAULT_TYPES: readonly Fault['type'][] = ['poison', 'heal'];

/** The type whose rules a fault follows for its target: a heal's is the type it ends (a restart hits what a crash can). */
export const faultTargetType = (f: { type: string; of?: unknown }): string => (f.type === 'heal' && typeof f.of === 'string' ? f.of : f.type);
