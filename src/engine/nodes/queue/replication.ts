import type { SimContext } from '../../model/context';
import type { BrokerModel } from '../broker';
import { EV_ELECTION } from './queueEvents';

export type ReplicationKind = 'none' | 'quorum' | 'mirror';

/** How long one write of the queue's message takes on a replica's broker (confirms.ts). */
export interface ReplicaDisk { diskWriteOn(broker: BrokerModel): number }

/**
 * Where a queue lives and who leads it. Quorum (A1.13): Raft over the replicas, a write is safe once a
 * majority holds it, a new leader is elected after the election delay while a majority lives, nothing
 * moves without a majority. Mirror (classic mirrored queues): the leader confirms alone and copies to the
 * mirrors after a delay; a mirror takes over at once and what was not copied yet is lost. Elections are
 * timers of the queue (node `index`), which ends them with elect().
 */
export class Replication {
  readonly kind: ReplicationKind;
  private leader = 0;
  private electing = false;

  constructor(
    readonly replicas: readonly BrokerModel[],
    flavor: string,
    private readonly mirrorDelayMs: number,
    private readonly index: number,
    private readonly ctx: SimContext,
  ) {
    this.kind = replicas.length <= 1 ? 'none' : flavor === 'quorum' ? 'quorum' : 'mirror';
  }

  get majority(): number { return Math.floor(this.replicas.length / 2) + 1; }
  get alive(): number { return this.replicas.reduce((n, b) => n + (b.isUp ? 1 : 0), 0); }
  get leaderBroker(): BrokerModel | undefined { return this.leader >= 0 ? this.replicas[this.leader] : undefined; }

  /** Can the queue take and hand out messages now? */
  available(): boolean {
    if (this.replicas.length === 0) return true; // the default broker
    const leader = this.leaderBroker;
    if (!leader || !leader.isUp || this.electing) return false;
    return this.kind !== 'quorum' || this.alive >= this.majority;
  }

  /** Did the broker that went down lead this queue? */
  isLeader(broker: BrokerModel): boolean { return this.leaderBroker === broker; }

  /** The leader is gone: quorum queues elect (if a majority lives), mirrors promote at once. */
  leaderLost(): 'electing' | 'promoted' | 'stalled' {
    this.leader = -1;
    if (this.kind === 'mirror') return this.promote() ? 'promoted' : 'stalled';
    if (this.alive >= this.majority) { this.electing = true; return 'electing'; }
    return 'stalled';
  }

  /**
   * The leader broker went down (its unreplicated messages are lost with it): a quorum queue starts an
   * election, a mirror takes over at once. True when a new leader leads now.
   */
  failover(): boolean {
    const next = this.leaderLost();
    if (next === 'electing') this.scheduleElection();
    return next === 'promoted';
  }

  /** A replica's broker came back. A1.13: a returning member can restore a majority (after an election); a mirror can lead again. */
  memberBack(): void {
    if (this.leaderBroker || this.electing) return;
    if (this.kind === 'quorum') { this.leaderLost(); this.scheduleElection(); }
    else this.elect();
  }

  /** The election ends after the election delay, as a timer of the queue (EV_ELECTION → elect()). */
  private scheduleElection(): void { this.ctx.schedule(this.electionDelayMs(), this.index, EV_ELECTION, null, 0); }

  /** Ends an election (or retries one after a broker came back): the first live replica leads. */
  elect(): boolean {
    this.electing = false;
    if (this.kind === 'quorum' && this.alive < this.majority) return false;
    return this.promote();
  }

  private promote(): boolean {
    this.leader = this.replicas.findIndex((b) => b.isUp);
    return this.leader >= 0;
  }

  /**
   * Time from now until a new message survives the loss of its leader, and until a quorum queue confirms it:
   * the majority-th fastest of the leader's disk write and each follower's copy (network + disk). `disk` times
   * one write of the queue's on a replica: the queue's own disk setting and slowDisk count on every replica.
   */
  safeDelay(disk: ReplicaDisk): number {
    const leader = this.leaderBroker;
    if (this.kind === 'none' || !leader) return 0;
    if (this.kind === 'mirror') return this.mirrorDelayMs;
    const times = this.replicas.filter((b) => b.isUp).map((b) => (b === leader ? 0 : leader.replicationDelayMs) + disk.diskWriteOn(b));
    if (times.length < this.majority) return Infinity;
    times.sort((a, b) => a - b);
    return times[this.majority - 1]!;
  }

  electionDelayMs(): number {
    const live = this.replicas.find((b) => b.isUp);
    return live ? live.electionDelayMs : 0;
  }
}
