import { INSTANT_FAULT_TYPES, type Fault, type LastingFaultType } from '../../schema';
import type { AuditFault } from '../api';
import type { AuditLog } from '../audit';
import type { EdgeRuntime } from '../model/edge';
import type { NodeModel } from '../model/node';
import { noLinkFault } from './linkFault';

type LastingFault = Exclude<Fault, { type: 'poison' | 'heal' }>;

/**
 * Applies scheduled and live faults to nodes and links, and takes them back when their duration ends.
 *
 * Overlapping faults of one type on one target: each (target, type) keeps its active faults, in the order they
 * started; a fault's end removes only that fault; the target is in the state of the most recently started fault still
 * active, and normal when none is. So a node is down while any of its crashes is active and restarts at the end of the
 * last; a partition heals at the end of the last; a slow factor falls back to the earlier fault's when a later one
 * ends. A `heal` ends every active fault of its type on its target at once. The simulation runs every start (and
 * instant fault) due at an instant before every end due then (scheduleFault), so spans that meet make one union.
 */
export class FaultInjector {
  /** Active faults by target and type (`target\0type`), oldest first. */
  private readonly active = new Map<string, LastingFault[]>();
  /** The audit's record of each active fault, so that a heal can write its real end there (`healedAtMs`). */
  private readonly records = new Map<Fault, AuditFault>();

  constructor(
    private readonly nodes: Map<string, NodeModel>,
    private readonly edges: Map<string, EdgeRuntime>,
    private readonly audit: AuditLog | null,
    private readonly now: () => number,
  ) {}

  start(f: Fault): void {
    // An instant fault (a poison burst, a heal) ends where it starts (null would read "until the end of the run").
    const endMs = INSTANT_FAULT_TYPES.includes(f.type) ? this.now() : f.durationMs === undefined ? null : this.now() + f.durationMs;
    const record: AuditFault = { atMs: this.now(), endMs, target: f.target, type: f.type, ...(f.type === 'heal' ? { of: f.of } : {}), ...(f.live === true ? { live: true } : {}) };
    this.audit?.faults.push(record);
    if (f.type === 'poison') { this.nodes.get(f.target)?.publishPoison?.(f.count); return; }
    if (f.type === 'heal') { this.heal(f.target, f.of); return; }
    if (this.audit) this.records.set(f, record);
    const key = `${f.target}\u0000${f.type}`;
    const list = this.active.get(key);
    if (list) list.push(f); else this.active.set(key, [f]);
    // Every start applies its fault, also over an active one, as a start always did: a crash of a node that is down
    // changes nothing, and a partition that starts again is a new episode for the broker's dead-connection check
    // (deadLinks.ts), so version-2 documents replay exactly (faultOverlapMigration.ts).
    this.apply(f);
  }

  end(f: Fault): void {
    if (f.type === 'poison' || f.type === 'heal') return; // instantaneous: no end is scheduled
    const list = this.active.get(`${f.target}\u0000${f.type}`);
    const at = list ? list.indexOf(f) : -1;
    if (at < 0) return; // healed already
    list!.splice(at, 1);
    this.records.delete(f);
    if (list!.length === 0) this.restore(f.target, f.type);
    // A later fault still holds: nothing changes. The latest one ended: the figures of the one before it come back
    // (a crash or a partition has none: the node stays down, the link cut, and nothing is called).
    else if (at === list!.length && f.type !== 'crash' && f.type !== 'partition') this.apply(list![list!.length - 1]!);
  }

  /**
   * Ends every active fault of `type` on `target`, and restores normal (also when none was active: as an old end did).
   * The audit records when each ended, if before its own end: a crash healed at the instant it started lasted 0 ms.
   */
  private heal(target: string, type: LastingFaultType): void {
    const key = `${target}\u0000${type}`;
    const now = this.now();
    for (const f of this.active.get(key) ?? []) {
      const record = this.records.get(f);
      if (record && (record.endMs === null || record.endMs > now)) record.healedAtMs = now;
      this.records.delete(f);
    }
    this.active.delete(key);
    this.restore(target, type);
  }

  /** Puts the target in the state of fault `f`. */
  private apply(f: LastingFault): void {
    const node = this.nodes.get(f.target);
    const edge = this.edges.get(f.target);
    switch (f.type) {
      case 'crash': node?.crash?.(); break;
      case 'slow': node?.setSlowdown?.(f.factor); break;
      case 'slowDisk': node?.setDiskFactor?.(f.factor); break;
      case 'linkDelay': if (edge) edge.fault = { ...(edge.fault ?? noLinkFault()), addMs: f.addMs, jitterMs: f.jitterMs }; break;
      case 'linkLoss': if (edge) edge.fault = { ...(edge.fault ?? noLinkFault()), loss: f.probability }; break;
      case 'partition':
        if (!edge) break;
        edge.fault = { ...(edge.fault ?? noLinkFault()), partitioned: true };
        edge.source.deliverySource?.linkPartitioned(edge); // a queue's channel along it may close (A1.4)
        break;
      case 'corrupt': if (edge) edge.fault = { ...(edge.fault ?? noLinkFault()), corrupt: f.probability }; break;
    }
  }

  /** Puts the target back to normal for `type`. */
  private restore(target: string, type: LastingFaultType): void {
    const node = this.nodes.get(target);
    const edge = this.edges.get(target);
    switch (type) {
      case 'crash': node?.restart?.(); break;
      case 'slow': node?.setSlowdown?.(1); break;
      case 'slowDisk': node?.setDiskFactor?.(1); break;
      case 'linkDelay': if (edge?.fault) edge.fault = { ...edge.fault, addMs: 0, jitterMs: 0 }; break;
      case 'linkLoss': if (edge?.fault) edge.fault = { ...edge.fault, loss: 0 }; break;
      case 'partition':
        if (edge?.fault) edge.fault = { ...edge.fault, partitioned: false };
        // Ready messages waited while no consumer could be reached along it: a queue sends them now, not at its next publish.
        if (edge) edge.source.deliverySource?.linkHealed(edge);
        break;
      case 'corrupt': if (edge?.fault) edge.fault = { ...edge.fault, corrupt: 0 }; break;
    }
  }
}
