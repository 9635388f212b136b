import { INSTANT_FAULT_TYPES, type Fault } from '../../schema';
import type { AuditLog } from '../audit';
import type { EdgeRuntime } from '../model/edge';
import type { NodeModel } from '../model/node';
import { noLinkFault } from './linkFault';

/**
 * Applies scheduled and live faults to nodes and links, and takes them back when their duration ends.
 * Overlapping faults of one kind on one target: the last to start wins, and the end of each restores normal.
 */
export class FaultInjector {
  constructor(
    private readonly nodes: Map<string, NodeModel>,
    private readonly edges: Map<string, EdgeRuntime>,
    private readonly audit: AuditLog | null,
    private readonly now: () => number,
  ) {}

  start(f: Fault): void {
    // An instant fault (a poison burst) ends where it starts (null would read "until the end of the run").
    const endMs = INSTANT_FAULT_TYPES.includes(f.type) ? this.now() : f.durationMs === undefined ? null : this.now() + f.durationMs;
    this.audit?.faults.push({ atMs: this.now(), endMs, target: f.target, type: f.type });
    const node = this.nodes.get(f.target);
    const edge = this.edges.get(f.target);
    switch (f.type) {
      case 'crash': node?.crash?.(); break;
      case 'slow': node?.setSlowdown?.(f.factor); break;
      case 'slowDisk': node?.setDiskFactor?.(f.factor); break;
      case 'poison': node?.publishPoison?.(f.count); break;
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

  end(f: Fault): void {
    const node = this.nodes.get(f.target);
    const edge = this.edges.get(f.target);
    switch (f.type) {
      case 'crash': node?.restart?.(); break;
      case 'slow': node?.setSlowdown?.(1); break;
      case 'slowDisk': node?.setDiskFactor?.(1); break;
      case 'poison': break; // instantaneous: it has no duration, so no end is scheduled
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
