import { edgeRole, faultTargetProblem, FaultSchema, isExchangeToExchangeBinding, type Fault, type Scenario } from '../schema';
import { LIVE_FIELDS, type DropReason, type EdgeDirection, type EngineError, type MessageView, type RunResult, type Simulation, type SimulationOptions, type Snapshot } from './api';
import { AuditLog } from './audit';
import { FaultInjector } from './faults/faultInjector';
import type { LinkFault } from './faults/linkFault';
import type { Random } from './random/prng';
import { messageView } from './messageView';
import { EventQueue } from './kernel/eventQueue';
import { Accounting, type Census } from './metrics/accounting';
import { LatencyRegistry } from './metrics/latencyHistogram';
import { PRIORITY, type SimContext } from './model/context';
import { LINK_RETURN_MS, repliesComeBack, type EdgeRuntime } from './model/edge';
import type { ConfirmTracker } from './model/confirm';
import type { Message } from './model/message';
import { MessagePool } from './model/messagePool';
import { HopEvents } from './model/trail';
import type { NodeModel } from './model/node';
import { createNodeModel } from './nodes/registry';
import { streamFor } from './random/prng';
import { SeriesSampler } from './sampler';

/** Event type 0 on a node is a message arriving along an edge; node event types start at 1. */
const EV_EDGE_ARRIVAL = 0;
/** The kernel's own events (target KERNEL). */
const KERNEL = -1;
const EV_SAMPLE = 1;
const EV_FAULT_START = 2;
const EV_FAULT_END = 3;
const EV_LINK_LOST = 4;
/** A message travelling back along an edge, target → source (sendBack: a direct call's reply). */
const EV_EDGE_RETURN = 5;
/** The most samples one step() takes before it returns without an event (see step). */
const STEP_SAMPLE_LIMIT = 10_000;
/** Nested zero-delay sends beyond this become events (see send). */
const MAX_SEND_DEPTH = 200;
/** More events than this at one simulated instant means a loop that never lets time advance. */
const LIVELOCK_LIMIT = 5_000_000;

/**
 * Whether a publish awaiting `confirm` came along `edge` on its publisher's own connection (the confirm's listener is
 * the publishing producer), rather than on a hop the broker made (an exchange, router or filter sending it on).
 */
function sentByItsPublisher(confirm: ConfirmTracker, edge: EdgeRuntime): boolean {
  return (confirm.listener as unknown) === edge.source;
}

/** Builds a run of `scenario`: nodes, edges, the first events. Nothing runs until step/runUntil. */
export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  const audit = (options.audit ?? true) ? new AuditLog(options.auditIdLimit ?? Infinity) : null;
  return new SimulationRun(scenario, options.seed ?? scenario.seed, options.sampling ?? true, options.tracing ?? false, audit);
}

class SimulationRun implements Simulation, SimContext {
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly string[];
  readonly accounting: Accounting;
  readonly endToEnd = new LatencyRegistry();
  readonly queueWait = new LatencyRegistry();
  readonly confirmLatency = new LatencyRegistry();
  readonly warmupMs: number;
  readonly messages: MessagePool;
  private readonly queue = new EventQueue(4096);
  private readonly nodes: NodeModel[];
  private readonly edges: EdgeRuntime[];
  /**
   * Messages each edge's link failed to carry, either way (a partition, a lossy link), by edge index: counted where the
   * loss happens, for the canvas's badge on the edge. Not a field of the edge: one more field on every edge object cost
   * mm1-200 about 5 L1 misses per event (cachegrind, docs/PERFORMANCE.md "Sixth session"), edges being read on every send.
   * A manual-ack delivery lost here goes back to its queue (A1.4) and is counted as well: the link lost it.
   */
  private readonly edgeLost: Float64Array;
  private readonly sampler: SeriesSampler | null;
  readonly sampling: boolean;
  private clock = 0;
  private eventCount = 0;
  private messageIds = 0;
  private sameTimeEvents = 0;
  private error: EngineError | undefined;
  private readonly nodesById: Map<string, NodeModel>;
  private readonly faults: FaultInjector;
  private readonly linkRandom = new Map<number, Random>();
  private sendDepth = 0;
  readonly hopEvents = new HopEvents();

  constructor(readonly scenario: Scenario, readonly seed: number, sampling: boolean, readonly tracing: boolean, readonly audit: AuditLog | null) {
    this.warmupMs = scenario.workload.warmupMs;
    // Tracing, an edge shows the last message it carried: the pool then reuses a message only once no edge shows it.
    this.messages = new MessagePool(tracing);
    this.accounting = new Accounting(audit);
    audit?.watch(this);
    this.nodes = scenario.nodes.map((node, i) => createNodeModel(i, node, this));
    this.nodesById = new Map(this.nodes.map((n) => [n.id, n]));
    this.edges = this.buildEdges();
    this.edgeLost = new Float64Array(this.edges.length);
    this.faults = new FaultInjector(this.nodesById, new Map(this.edges.map((e) => [e.id, e])), this.audit, () => this.clock);
    for (const fault of scenario.faults) this.scheduleFault(fault, fault.atMs);
    this.nodeIds = scenario.nodes.map((n) => n.id);
    this.edgeIds = scenario.edges.map((e) => e.id);
    this.sampling = sampling;
    this.sampler = sampling ? new SeriesSampler(this.nodes, this.accounting, scenario.metrics.sampleIntervalMs) : null;
    for (const node of this.nodes) node.start();
    if (this.sampler) this.queue.push(this.sampler.intervalMs, PRIORITY.sample, KERNEL, EV_SAMPLE, null, 0);
  }

  private buildEdges(): EdgeRuntime[] {
    const byId = new Map(this.nodes.map((n) => [n.id, n]));
    return this.scenario.edges.map((e, index) => {
      const source = byId.get(e.source)!;
      const target = byId.get(e.target)!;
      // What every send reads comes first (fields are laid out in this order): one cache line per edge per message.
      const edge: EdgeRuntime = {
        target, traffic: 0, routingKey: e.config.routingKey, delayMs: e.config.delayMs, fault: null, role: edgeRole(source.kind, target.kind, e.config)!,
        source, index, id: e.id, bindingKey: e.config.bindingKey ?? '', backTraffic: 0,
        xMatch: e.config.xMatch, bindingArgs: e.config.bindingArgs, filterPolicy: e.config.filterPolicy,
        invalidChannel: e.config.channel === 'invalid', lastMessage: null, lastReply: null,
      };
      source.outputs.push(edge);
      target.inputs.push(edge);
      return edge;
    });
  }

  // ---- SimContext: what nodes may do ----
  now(): number { return this.clock; }

  schedule(delayMs: number, nodeIndex: number, type: number, payload: unknown, arg: number): void {
    this.queue.push(this.clock + delayMs, PRIORITY.normal, nodeIndex, type, payload, arg);
  }

  send(edge: EdgeRuntime, message: Message): void {
    edge.traffic++;
    if (this.tracing) edge.lastMessage = this.messages.show(edge.lastMessage, message); // pinned: not reused while shown
    if (edge.routingKey !== undefined) message.routingKey = edge.routingKey;
    let delay = edge.delayMs;
    const fault = edge.fault;
    if (fault !== null) {
      const lost = this.linkLost(edge, fault);
      if (lost !== null) {
        this.countLost(edge);
        // A manual-ack delivery from a queue goes back to it, later (see LINK_RETURN_MS); meanwhile it is in flight.
        if (edge.role === 'subscribe') this.deliveryLost(message, edge, lost);
        else if (edge.role === 'publish' && message.confirm !== null) this.lostOnPublishLink(message, edge, lost);
        else this.lose(message, lost, this.lossOwner(edge, message));
        return;
      }
      delay = this.acrossFaultyLink(edge, fault, message, delay);
    }
    // Zero-delay sends run at once, but a chain of them (a message bouncing between queues at one instant)
    // would overflow the stack: past a depth, the next hop becomes an event at the same time.
    if (delay === 0 && this.sendDepth < MAX_SEND_DEPTH) {
      this.sendDepth++;
      try { edge.target.receive(message, edge); } finally { this.sendDepth--; }
      return;
    }
    // An SQS queue counts its messages itself until they are deleted, even on their way to a consumer.
    const counted = !message.sqsOwned;
    if (counted) this.accounting.inTransit++;
    this.queue.push(this.clock + delay, PRIORITY.normal, edge.target.index, EV_EDGE_ARRIVAL, message, edge.index * 2 + (counted ? 1 : 0));
  }

  /** A delivery along a subscription `edge` lost on the link: a manual-ack one comes back to its queue later (LINK_RETURN_MS). */
  private deliveryLost(message: Message, edge: EdgeRuntime, lost: 'partition' | 'linkLoss'): void {
    if (edge.source.deliverySource?.linkLost(message, edge, lost) !== true) return;
    this.accounting.inTransit++; // in flight until it is back
    this.queue.push(this.clock + LINK_RETURN_MS, PRIORITY.normal, KERNEL, EV_LINK_LOST, message, edge.index);
  }

  settlementLost(message: Message, edge: EdgeRuntime): void {
    this.deliveryLost(message, edge, 'partition');
  }

  /**
   * A message travelling back along `edge`, from its target to its source: the reply of a direct call
   * (EIP Return Address, A4) on the call's own connection. The same link: its delay, jitter, loss and
   * partition apply, and a loss is no loss of the receiver's (the edge's source). Kept apart from send()
   * so the hot path pays nothing for it.
   */
  sendBack(edge: EdgeRuntime, message: Message): void {
    edge.backTraffic++; // counted apart from traffic: the canvas draws replies going back (writeEdgeBackTraffic)
    // Not lastMessage: the inspector tells request and reply apart. Pinned, as in send().
    if (this.tracing) edge.lastReply = this.messages.show(edge.lastReply, message);
    let delay = edge.delayMs;
    const fault = edge.fault;
    if (fault !== null) {
      const lost = this.linkLost(edge, fault);
      // A reply is owed to no consumer's delivery guarantee (a calling consumer's call times out): node -1.
      if (lost !== null) { this.countLost(edge); this.lose(message, lost, -1); return; }
      delay = this.acrossFaultyLink(edge, fault, message, delay);
    }
    if (delay === 0 && this.sendDepth < MAX_SEND_DEPTH) {
      this.sendDepth++;
      try { edge.source.receive(message, edge); } finally { this.sendDepth--; }
      return;
    }
    this.accounting.inTransit++;
    this.queue.push(this.clock + delay, PRIORITY.normal, KERNEL, EV_EDGE_RETURN, message, edge.index);
  }

  /**
   * The node a message lost on its way along `edge` is charged to: its target, unless the target takes it as
   * the reply to its own request (A4 Return Address), which is owed to no consumer's delivery guarantee
   * (the call or request times out instead): node -1, as for a reply lost on its way back (sendBack).
   */
  private lossOwner(edge: EdgeRuntime, message: Message): number {
    return edge.target.takesAsReply?.(message, edge) === true ? -1 : edge.target.index;
  }

  /** Whether a faulty link loses the message: a partition carries nothing, a lossy link drops with its probability. */
  private linkLost(edge: EdgeRuntime, fault: LinkFault): 'partition' | 'linkLoss' | null {
    if (fault.partitioned) return 'partition';
    return fault.loss > 0 && this.linkRng(edge).next() < fault.loss ? 'linkLoss' : null;
  }

  /**
   * A message crossing a faulty link that did not lose it: a corrupt link damages it with its probability
   * (its checksum no longer matches; a consumer that verifies rejects it), and the delay grows by the added
   * latency ± jitter. Returns the delay. The draws keep one order (loss, corruption, jitter) on the link's stream.
   */
  private acrossFaultyLink(edge: EdgeRuntime, fault: LinkFault, message: Message, delayMs: number): number {
    if (fault.corrupt > 0 && this.linkRng(edge).next() < fault.corrupt) message.corrupt = true;
    const delay = delayMs + fault.addMs;
    return fault.jitterMs > 0 ? Math.max(0, delay + (2 * this.linkRng(edge).next() - 1) * fault.jitterMs) : delay;
  }

  private linkRng(edge: EdgeRuntime): Random {
    let rng = this.linkRandom.get(edge.index);
    if (!rng) { rng = streamFor(this.seed, edge.id, 'link'); this.linkRandom.set(edge.index, rng); }
    return rng;
  }

  lose(message: Message, reason: DropReason, nodeIndex: number): void {
    // The publisher hears of the failure (a connection error or a nack) rather than waiting for ever.
    // A publish refused with a nack was never the broker's responsibility: it counts as dropped, but not
    // against the guarantee of the consumers behind that node (the publisher knows, and may retry).
    const refused = message.confirm !== null;
    message.confirm?.settle(false);
    message.confirm = null;
    this.accounting.drop(reason, refused ? -1 : nodeIndex, message.id);
  }

  /**
   * A1.6: the broker nacks only on an internal queue error or a reject-publish. A publish whose publisher sent it along
   * its own connection (the edge leaves the producer that waits for its confirm) to a node that is down never reached a
   * broker; one refused with 403 closes its channel. Either way no ack, no nack: the client fails the publish
   * (ConfirmTracker.connectionFailed). Like a nacked publish it is charged to no node: the publisher knows.
   * A message the broker itself sent on (routed by a live exchange to a down queue) is lost as before, and its confirm
   * nacked: what RabbitMQ does with a publish routed to a queue whose node is down is not in semantics.md.
   */
  loseWithoutConfirm(message: Message, edge: EdgeRuntime, reason: 'nodeDown' | 'accessRefused', nodeIndex: number): void {
    const confirm = message.confirm;
    if (confirm === null || !sentByItsPublisher(confirm, edge)) { this.lose(message, reason, nodeIndex); return; }
    message.confirm = null;
    confirm.connectionFailed();
    this.accounting.drop(reason, -1, message.id);
  }

  /**
   * A1.6: a publish lost on its way to the broker never reached it, so the broker neither acks nor nacks it
   * (it nacks only on an internal queue error or reject-publish). Like a refused publish, the broker never took
   * responsibility for it and the publisher knows it is unconfirmed: charged to no node (no consumer's guarantee, see
   * lose()). Lost on the publisher's own connection, its confirm is failed by the client once it notices the dead link
   * (LINK_RETURN_MS, ConfirmTracker.lostOnLink), so that a publisher without `retry` does not wait for ever on confirm
   * slots a partition took. Lost on a later hop (a router or filter sending it on), it
   * is lost as on a binding: the broker's own hop, nacked (lose()).
   */
  private lostOnPublishLink(message: Message, edge: EdgeRuntime, reason: 'partition' | 'linkLoss'): void {
    const confirm = message.confirm!;
    if (!sentByItsPublisher(confirm, edge)) { this.lose(message, reason, this.lossOwner(edge, message)); return; }
    message.confirm = null;
    confirm.lostOnLink();
    this.accounting.drop(reason, -1, message.id);
  }

  countRetry(): void { this.accounting.retried++; }

  nodeById(id: string): NodeModel | undefined { return this.nodesById.get(id); }

  /**
   * A fault's end runs after every scheduled start due at the same instant (PRIORITY.faultEnd): a crash that ends as
   * another of the node starts leaves it down (one union, no restart between), whatever their order in the timeline.
   * A live fault starts after both, as it did when it was triggered (PRIORITY.liveFault).
   */
  private scheduleFault(fault: Fault, atMs: number): void {
    this.queue.push(atMs, fault.live === true ? PRIORITY.liveFault : PRIORITY.fault, KERNEL, EV_FAULT_START, fault, 0);
    if (fault.durationMs !== undefined) this.queue.push(atMs + fault.durationMs, PRIORITY.faultEnd, KERNEL, EV_FAULT_END, fault, 0);
  }

  injectFault(fault: Fault): { ok: true; recorded: Fault } | { ok: false; error: EngineError } {
    const recorded = FaultSchema.safeParse({ ...fault, atMs: this.clock, live: true });
    if (!recorded.success) return { ok: false, error: { code: 'bad_fault', message: recorded.error.issues.map((i) => i.message).join('; ') } };
    const f = recorded.data;
    if (!this.nodesById.has(f.target) && !this.edgeIds.includes(f.target)) return { ok: false, error: { code: 'bad_fault', message: `no node or edge has id "${f.target}"` } };
    // The same rule the document's check applies (a poison fault on a queue, a slow producer): refused now rather
    // than recorded into a timeline that parseScenario would then refuse.
    const edge = this.edges.find((e) => e.id === f.target);
    const insideBroker = edge !== undefined && isExchangeToExchangeBinding(edge.role, edge.target.kind);
    const problem = faultTargetProblem(f, f.target, edge !== undefined, this.nodesById.get(f.target)?.kind, insideBroker);
    if (problem) return { ok: false, error: { code: 'bad_fault', message: problem.message } };
    this.scheduleFault(f, this.clock);
    return { ok: true, recorded: f };
  }

  random(nodeId: string, purpose: string) { return streamFor(this.seed, nodeId, purpose); }

  nextMessageId(): number { return ++this.messageIds; }

  sampleLatency(latencyMs: number): void {
    this.sampler?.endToEnd.record(latencyMs);
  }

  // ---- Simulation: what the host may do ----
  events(): number { return this.eventCount; }
  nextEventTime(): number { return this.queue.peekTime(); }

  step(): RunResult {
    if (this.error) return { events: 0, reached: false, error: this.error };
    // The sampler always has its next sample pending (exactly one event): stop when only it is left,
    // or a step after the last model event would take samples forever.
    const kernelEvents = this.sampler ? 1 : 0;
    // A step towards an event far ahead (SQS retention is 4 days) would take every sample on the way:
    // after STEP_SAMPLE_LIMIT of them the step returns with the clock moved on, and the next step goes on.
    for (let samples = 0; this.queue.size > kernelEvents; samples++) {
      if (this.dispatchNext()) return { events: 1, reached: true };
      if (this.error) return { events: 0, reached: false, error: this.error };
      if (samples >= STEP_SAMPLE_LIMIT) return { events: 0, reached: false };
    }
    return { events: 0, reached: true };
  }

  runUntil(tMs: number, maxEvents = Infinity): RunResult {
    if (this.error) return { events: 0, reached: false, error: this.error };
    const start = this.eventCount;
    const q = this.queue;
    while (q.size > 0 && q.peekTime() <= tMs) {
      if (this.eventCount - start >= maxEvents) return { events: this.eventCount - start, reached: false };
      this.dispatchNext();
      if (this.error) return { events: this.eventCount - start, reached: false, error: this.error };
    }
    if (tMs > this.clock && Number.isFinite(tMs)) this.clock = tMs;
    return { events: this.eventCount - start, reached: true };
  }

  /** Pops and runs one event; true when it was a model event (counted), false for a sample. */
  private dispatchNext(): boolean {
    const q = this.queue;
    q.pop();
    const t = q.popTime;
    if (t === this.clock) {
      if (++this.sameTimeEvents > LIVELOCK_LIMIT) {
        this.error = { code: 'livelock', message: `more than ${LIVELOCK_LIMIT} events at simulated time ${t} ms: something loops without time passing (e.g. a consumer with zero service time that always fails)` };
        return false;
      }
    } else { this.sameTimeEvents = 0; this.clock = t; }
    const type = q.popType;
    if (q.popTarget === KERNEL) {
      if (type === EV_SAMPLE) { this.takeSample(); return false; }
      this.eventCount++;
      if (type === EV_FAULT_START) this.faults.start(q.popPayload as Fault);
      else if (type === EV_FAULT_END) this.faults.end(q.popPayload as Fault);
      else if (type === EV_EDGE_RETURN) {
        const edge = this.edges[q.popArg]!;
        this.accounting.inTransit--;
        edge.source.receive(q.popPayload as Message, edge);
      } else {
        const edge = this.edges[q.popArg]!;
        this.accounting.inTransit--;
        edge.source.deliverySource?.linkReturned(q.popPayload as Message, edge);
      }
      return true;
    }
    this.eventCount++;
    if (type === EV_EDGE_ARRIVAL) {
      const edge = this.edges[q.popArg >> 1]!;
      if ((q.popArg & 1) === 1) this.accounting.inTransit--;
      edge.target.receive(q.popPayload as Message, edge);
    } else {
      this.nodes[q.popTarget]!.handle(type, q.popPayload, q.popArg);
    }
    return true;
  }

  private takeSample(): void {
    this.sampler!.sample(this.clock);
    this.queue.push(this.clock + this.sampler!.intervalMs, PRIORITY.sample, KERNEL, EV_SAMPLE, null, 0);
  }

  census(): Census {
    const c: Census = { queued: 0, inFlight: 0, deadLettered: 0 };
    for (const node of this.nodes) node.census(c);
    return c;
  }

  snapshot(): Snapshot {
    const census = this.census();
    // The run's latencies first: they summarise each node's histogram on the way, and the nodes' reports read those
    // summaries (LatencyRegistry.summary).
    const latencyMs = this.endToEnd.summary(), queueWaitMs = this.queueWait.summary();
    const nodes: Snapshot['nodes'] = {};
    for (const node of this.nodes) nodes[node.id] = node.report();
    return {
      seed: this.seed, timeMs: this.clock, events: this.eventCount,
      messages: this.accounting.totals(census),
      latencyMs, queueWaitMs, nodes,
      ...(this.audit ? { audit: this.audit.report(this.accounting, census.deadLettered) } : {}),
    };
  }

  writeLive(out: Float64Array): void {
    const stride = LIVE_FIELDS.length;
    out.fill(0);
    for (let i = 0; i < this.nodes.length; i++) this.nodes[i]!.writeLive(out, i * stride);
  }

  writeEdgeTraffic(out: Float64Array): void {
    for (let i = 0; i < this.edges.length; i++) out[i] = this.edges[i]!.traffic;
  }

  writeEdgeBackTraffic(out: Float64Array): void {
    for (let i = 0; i < this.edges.length; i++) out[i] = this.edges[i]!.backTraffic;
  }

  private countLost(edge: EdgeRuntime): void {
    this.edgeLost[edge.index] = this.edgeLost[edge.index]! + 1;
  }

  /** Messages each edge's link failed to carry so far, either way (edgeLost). */
  writeEdgeLost(out: Float64Array): void {
    for (let i = 0; i < this.edges.length; i++) out[i] = this.edgeLost[i]!;
  }

  takeSamples() { return this.sampler ? this.sampler.take() : []; }

  inspectNode(nodeId: string, limit = 50): MessageView[] | null {
    const node = this.nodes.find((n) => n.id === nodeId);
    if (!node) return null;
    return (node.messages?.(limit) ?? []).map(({ message, state }) => messageView(message, state, this));
  }

  inspectEdge(edgeId: string, direction: EdgeDirection = 'forward'): MessageView | null {
    const edge = this.edges.find((e) => e.id === edgeId);
    if (!edge) return null;
    if (direction === 'back') return edge.lastReply ? messageView(edge.lastReply, `last reply sent back along ${edge.id}`, this) : null;
    const sent = edge.lastMessage;
    if (!sent) return null;
    // A direct call's request is named as such: its reply comes back along this edge (A4 Return Address).
    return messageView(sent, `${repliesComeBack(edge, sent) ? 'last request' : 'last'} sent along ${edge.id}`, this);
  }
}
