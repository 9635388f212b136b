/**
 * The live fault actions offered on a node or an edge (context menu and inspector). Each makes a fault
 * for the engine; the engine takes `atMs` as "now" and returns the fault to record. Pure.
 */
import type { Fault, NodeKind } from '../../schema';

export interface FaultAction {
  id: string;
  label: string;
  title: string;
  /** Offered only while the node is crashed (restart), or only while it is not (the rest). */
  whenCrashed: boolean;
  make: (target: string) => Fault;
}

/** How long the timed actions last, ms. */
export const CRASH_MS = 5000;
export const SLOW_MS = 10_000;
export const LINK_MS = 10_000;
export const PARTITION_MS = 5000;

const CRASH_FOR: FaultAction = {
  id: 'crash', label: `Crash for ${CRASH_MS / 1000} s`, whenCrashed: false,
  title: 'Stops it now; it restarts by itself after 5 s. What it held that was not durable and persistent is lost.',
  make: (target) => ({ type: 'crash', atMs: 0, target, durationMs: CRASH_MS }),
};
const CRASH_OPEN: FaultAction = {
  id: 'crashOpen', label: 'Crash until restarted', whenCrashed: false,
  title: 'Stops it now until you restart it (or the run ends).',
  make: (target) => ({ type: 'crash', atMs: 0, target }),
};
/**
 * Ends every crash of the node now, however long each was to last: a heal of the crash, recorded like any live fault,
 * so a replay restarts it at the same instant. (Before scenario version 3 this was a 1 ms crash, whose end restarted it.)
 */
const RESTART: FaultAction = {
  id: 'restart', label: 'Restart', whenCrashed: true,
  title: 'Brings it back up now: ends every crash of it, also one that was to last longer.',
  make: (target) => ({ type: 'heal', atMs: 0, target, of: 'crash' }),
};
const SLOW: FaultAction = {
  id: 'slow', label: 'Slow ×3 for 10 s', whenCrashed: false,
  title: 'Its service time is 3× longer for 10 s: queues grow behind it.',
  make: (target) => ({ type: 'slow', atMs: 0, target, durationMs: SLOW_MS, factor: 3 }),
};
const SLOW_DISK: FaultAction = {
  id: 'slowDisk', label: 'Slow disk ×5 for 10 s', whenCrashed: false,
  title: 'Disk writes take 5× longer for 10 s: persistent messages and confirms wait.',
  make: (target) => ({ type: 'slowDisk', atMs: 0, target, durationMs: SLOW_MS, factor: 5 }),
};
/** A crashed producer publishes nothing, so it is offered only while the producer is up. */
const POISON: FaultAction = {
  id: 'poison', label: 'Send a poison message', whenCrashed: false,
  title: 'Publishes one poison message now, on top of the workload. Every consumer fails it: under manual ack it is requeued and '
    + 'delivered again, until a quorum queue\'s delivery-limit or an SQS redrive dead-letters it (a consumer set to reject '
    + 'dead-letters it at once); under auto-ack it is lost. The fault timeline can send more at once (count).',
  make: (target) => ({ type: 'poison', atMs: 0, target, count: 1 }),
};

/** What can be done to a node of `kind`: crash or restart any node; slow a consumer; slow a broker's or queue's disk; poison from a producer. */
export function nodeFaultActions(kind: NodeKind | string, crashed: boolean): FaultAction[] {
  const all = [CRASH_FOR, CRASH_OPEN, RESTART];
  if (kind === 'consumer') all.push(SLOW);
  if (kind === 'broker' || kind === 'queue') all.push(SLOW_DISK);
  if (kind === 'producer') all.push(POISON);
  return all.filter((a) => a.whenCrashed === crashed);
}

export const EDGE_FAULT_ACTIONS: readonly FaultAction[] = [
  {
    id: 'linkDelay', label: 'Add 200 ms delay ± 50 ms', whenCrashed: false,
    title: 'For 10 s every message along this link takes 200 ms ± 50 ms longer: jitter can reorder them.',
    make: (target) => ({ type: 'linkDelay', atMs: 0, target, durationMs: LINK_MS, addMs: 200, jitterMs: 50 }),
  },
  {
    id: 'linkLoss', label: '20% loss', whenCrashed: false,
    title: 'For 10 s each message along this link is lost with probability 0.2.',
    make: (target) => ({ type: 'linkLoss', atMs: 0, target, durationMs: LINK_MS, probability: 0.2 }),
  },
  {
    id: 'partition', label: `Partition for ${PARTITION_MS / 1000} s`, whenCrashed: false,
    title: 'The link carries nothing for 5 s: messages sent along it are lost.',
    make: (target) => ({ type: 'partition', atMs: 0, target, durationMs: PARTITION_MS }),
  },
  {
    id: 'corrupt', label: 'Corrupt 20% for 10 s', whenCrashed: false,
    title: 'For 10 s each message along this link is damaged with probability 0.2: a consumer verifying checksums rejects it (dropped as corrupt); one that does not processes it. Edit the probability in the fault timeline.',
    make: (target) => ({ type: 'corrupt', atMs: 0, target, durationMs: LINK_MS, probability: 0.2 }),
  },
];
