import type { DropReason, NodeReport } from '../../api';
import type { NodeOf } from '../../../schema';
import type { Census } from '../../metrics/accounting';
import type { LatencyHistogram } from '../../metrics/latencyHistogram';
import type { SimContext } from '../../model/context';
import { mayTravel, type EdgeRuntime } from '../../model/edge';
import { type Message } from '../../model/message';
import { addHop } from '../../model/trail';
import { ACK_ON_ITS_WAY, ACK_SETTLED, ACK_STALE, type AckOutcome, type DeliverySource, type NodeModel } from '../../model/node';
import { Admission } from './admission';
import { Confirms } from './confirms';
import { DeadLetters, isDeadLetterCycle } from './deadLettering';
import { Expiry, expiryOf } from './expiry';
import { FifoGroupStore } from './fifoGroups';
import { HeldPublishes } from './heldPublishes';
import { ConsumerTimeouts } from './consumerTimeouts';
import { keepSurvivors } from './outage';
import { Channels } from './channels';
import { PendingPolls, type PendingPoll } from './pendingPolls';
import { QueueCounters } from './queueCounters';
import { EV_CONSUMER_TIMEOUT, EV_DELETE, EV_DISK_WRITTEN, EV_ELECTION, EV_EXPIRE, EV_LINK_DEAD, EV_POLL_TIMEOUT, EV_RETENTION, EV_RETENTION_IN_FLIGHT, EV_SETTLEMENT, EV_VISIBILITY } from './queueEvents';
import type { QueueSteps } from './queueSteps';
import { queueRules, readyStoreFor, type QueueRules } from './queueRules';
import type { ReadyStore, RemovableStore } from './readyStore';
import { Permission } from './permissions';
import { Settlements } from './settlements';
import { SettlementsInFlight, type SettlementInFlight } from './settlementsInFlight';
import { SqsInFlight, type DeleteInFlight } from './sqsInFlight';
import { RetentionWatch } from './sqsRetention';
import { StoredIntegrity } from './storedIntegrity';
import { openSubscriptions, type Subscription } from './subscription';
import { BrokerModel } from '../broker';
import { Replication } from './replication';

/**
 * A queue: RabbitMQ classic or quorum, or SQS (semantics.md A1.4–A1.11, A2.1–A2.2). Competing consumers
 * are served round-robin within their prefetch (push) or poll (pull); returned messages go back where
 * the flavor puts them; TTL, length limits and dead-lettering follow the reference.
 *
 * This class keeps the flow of messages (receive → admit → enqueue → dispatch → deliver; ack/nack →
 * settle → dispatch: the hot path, kept free of indirections) and its state. The rest lives in helpers
 * it owns or calls: admission.ts (checks before storing), confirms.ts (publisher confirms), expiry.ts
 * (TTL and retention), deadLettering.ts, pendingPolls.ts (long polls), sqsInFlight.ts (visibility),
 * replication.ts (leaders and failover), heldPublishes.ts (publishes waiting for a quorum queue's leader),
 * channels.ts (channel closes: the consumer timeout, dead links, outages), settlements.ts (nacks, and acks and nacks
 * that travelled a link with a delay), outage.ts (what an outage keeps). Its counters are its own
 * fields (queueCounters.ts, its base class), which the helpers that count are given as `this`.
 */
export class QueueModel extends QueueCounters implements NodeModel, DeliverySource {
  // Fields are laid out in the order they are declared (after the counters, the base class's, and the
  // constructor's parameters): the state read on every message comes first, so that it spans a few cache
  // lines of the queue rather than all of them (docs/PERFORMANCE.md, "Locality").
  private store: ReadyStore;
  private readonly subs: Subscription[] = [];
  /** Subscriptions by edge index (sparse): settling is on the hot path, so no Map. */
  private readonly subByEdge: Subscription[] = [];
  private readonly wait: LatencyHistogram;
  private rr = 0;
  private seq = 0;
  private unacked = 0;
  readonly deliverySource = this;
  readonly exclusiveDeliveries: boolean;
  /** Whether any ready message can expire: TTL checks stay off the hot path of queues without TTL. */
  private mayExpire: boolean;
  private readonly sqs: boolean;
  // Facts fixed at start, read on every message instead of the objects that hold them: with hundreds of
  // queues each object touched per message is a likely cache miss (docs/PERFORMANCE.md, "Locality").
  /** Whether admission can refuse anything (Admission.checks). */
  private readonly admissionChecks: boolean;
  /** Whether it has a length limit (A1.8), by count or bytes. */
  private readonly limited: boolean;
  /** Whether messages can get an expiry here without a per-message TTL: a queue TTL (A1.7) or SQS retention (A2.2). */
  private readonly queueExpiry: boolean;
  /** Hosted on brokers (its availability follows theirs) and replicated across several (A1.13). */
  private hosted = false;
  private replicated = false;
  /** Whether any consumer polls it: only pull consumers leave polls waiting, so push-only queues never look. */
  private pulled = false;
  /** Down: crashed, or its broker is (a replicated queue is down while it has no leader). */
  private down = false;

  readonly kind = 'queue';
  readonly outputs: EdgeRuntime[] = [];
  readonly inputs: EdgeRuntime[] = [];
  private readonly rules: QueueRules;
  private readonly polls: PendingPolls;
  /** SQS: received and not yet deleted; they come back when their visibility timeout ends (A2.1). */
  private readonly invisible: SqsInFlight;
  private readonly deadLetters: DeadLetters;
  private readonly expiry: Expiry;
  private readonly confirms: Confirms;
  readonly intervalLatency = this.intervalWait;
  /** A2.3: the ready messages by message group, on an SQS FIFO queue; null otherwise. */
  private readonly groups: FifoGroupStore | null;
  private readonly admission: Admission;
  private readonly consumePermission: Permission;
  private readonly integrity = new StoredIntegrity();
  /** Down because its only broker is (not a crash of the queue itself): a publish to it finds its node dead. */
  private brokerDead = false;
  /** A2.1: SQS retention behind the head (null on RabbitMQ, which removes expired messages at the head only, A1.7). */
  private readonly retention: RetentionWatch | null;
  /** A1.4: closes a channel that holds a delivery unacked past the consumer timeout (null on SQS). */
  private readonly consumerTimeouts: ConsumerTimeouts | null;
  private replication!: Replication;
  /** Publishes waiting for a leader (a replicated quorum queue, A1.13). */
  private readonly held = new HeldPublishes();
  /** Consumers' nacks, and acks and nacks on their way along links with a delay (A1.4, A1.5). */
  private readonly settlements: Settlements;
  /** Its channels to consumers, when they close (A1.4). */
  private readonly channels: Channels;
  /** Lost on an outage after the queue confirmed them, or published without confirms: losses the broker answers for. */
  private lostOnOutage = 0;
  /** Lost on an outage while their confirm was still due: their publisher was never told they were safe (A1.6). */
  private lostBeforeConfirm = 0;

  constructor(readonly index: number, readonly id: string, private readonly node: NodeOf<'queue'>, private readonly ctx: SimContext) {
    super();
    this.rules = queueRules(node.config);
    this.store = readyStoreFor(node.config);
    this.confirms = new Confirms(index, node.config, this.rules, ctx, id);
    this.wait = ctx.queueWait.create();
    this.sqs = this.rules.flavor === 'sqs';
    this.exclusiveDeliveries = !this.sqs;
    this.mayExpire = this.sqs || Number.isFinite(this.rules.messageTtlMs);
    this.groups = this.store instanceof FifoGroupStore ? this.store : null;
    this.invisible = new SqsInFlight(this.groups, this.rules.visibilityTimeoutMs, index, ctx);
    this.deadLetters = new DeadLetters(id, index, this.rules, ctx, this);
    this.expiry = new Expiry(index, this.rules, ctx, this, this.deadLetters);
    this.polls = new PendingPolls(index, ctx, this);
    this.retention = this.sqs ? new RetentionWatch(index, ctx, this, this.groups) : null;
    this.admission = new Admission(node.config, index, ctx, this, this.rules, this.deadLetters);
    this.consumePermission = new Permission(node.config.permissions?.consume);
    this.admissionChecks = this.admission.checks;
    this.limited = Number.isFinite(this.rules.maxLength) || Number.isFinite(this.rules.maxLengthBytes);
    this.queueExpiry = this.mayExpire;
    const steps: QueueSteps = {
      settle: (edge) => this.settle(edge),
      returnToQueue: (m) => this.returnToQueue(m),
      dispatch: () => this.dispatch(),
      dispatchAfterReturn: () => this.dispatchAfterReturn(),
      releaseUnacked: (count) => { this.unacked -= count; },
    };
    const inFlight = new SettlementsInFlight(index, ctx);
    this.channels = new Channels(index, ctx, this, this.sqs, this.subByEdge, inFlight, steps);
    this.settlements = new Settlements(this, inFlight, this.deadLetters, this.integrity, steps);
    this.consumerTimeouts = Number.isFinite(this.rules.consumerTimeoutMs) ? new ConsumerTimeouts(this.rules.consumerTimeoutMs, index, ctx, this.channels) : null;
  }

  start(): void {
    const brokers = (this.node.config.brokers ?? []).map((id) => this.ctx.nodeById(id)).filter((b): b is BrokerModel => b instanceof BrokerModel);
    for (const b of brokers) b.host(this);
    this.replication = new Replication(brokers, this.rules.flavor, this.node.config.mirrorDelayMs ?? 5, this.index, this.ctx);
    this.hosted = brokers.length > 0;
    this.replicated = this.replication.kind !== 'none';
    for (const edge of this.outputs) if (edge.role === 'deadLetter') this.deadLetters.edge = edge;
    this.refusedConsume += openSubscriptions(this.outputs, this.consumePermission, this.subs, this.subByEdge);
    this.pulled = this.subs.some((sub) => !sub.push);
  }

  // ---- arrivals -------------------------------------------------------------------------------

  receive(message: Message, edge: EdgeRuntime): void {
    if (message.routedVia !== null) message.routedVia = null; // A1.1.6: its routing pass ends at a queue (routingPass.ts)
    const available = this.isAvailable();
    // Unavailable: held for a leader (a quorum queue electing one), else lost below.
    if (!available && this.holds(message, edge)) { addHop(message, this.index, this.ctx, 'held (no leader)'); this.held.hold(message, edge); return; }
    addHop(message, this.index, this.ctx, edge.role === 'deadLetter' ? 'dead-lettered in' : 'enqueued');
    // A1.9: a dead-lettered message can come back directly or through dead-letter exchanges.
    if (message.deaths !== null && isDeadLetterCycle(message, this.id)) { this.ctx.accounting.drop('deadLetterCycle', this.index, message.id); return; }
    if (!available) { this.loseUnavailable(message, edge); return; }
    this.take(message, edge);
  }

  /**
   * A1.6: an arrival while the queue is unavailable is lost (nodeDown). Where its node is dead (the queue stands for its
   * node when on no broker; its only broker, or every mirror's, is down), a publish never reached a broker: no ack or
   * nack, the publisher's connection fails (SimContext.loseWithoutConfirm). A crash of a queue hosted on a live broker is an
   * internal queue error, which the broker nacks (A1.6).
   */
  private loseUnavailable(message: Message, edge: EdgeRuntime): void {
    if (this.hosted && this.down && !this.brokerDead) this.ctx.lose(message, 'nodeDown', this.index);
    else this.ctx.loseWithoutConfirm(message, edge, 'nodeDown', this.index);
  }

  /**
   * Whether an arrival waits for a leader rather than being lost: a publish to a replicated quorum queue that is
   * unavailable only for want of a leader (an election, or no majority: A1.13), not one whose queue node crashed
   * (a `crash` fault on the queue: down). The channel's client holds and resends it (heldPublishes.ts). A
   * dead-lettered message is not held: dead-lettering is at-most-once here, and RabbitMQ sends it untracked
   * (RMQ-SRC rabbit_fifo_client untracked_enqueue: with no leader known it is dropped), so it is lost as before.
   */
  private holds(message: Message, edge: EdgeRuntime): boolean {
    return this.replication.kind === 'quorum' && !this.down && edge.role !== 'deadLetter' && message.deaths === null;
  }

  /**
   * A leader leads again: the held publishes are received in arrival order, as if arriving now (admission,
   * enqueue, a confirm once a majority holds each, dispatch), as rabbit_fifo_client's resend_all_pending sends
   * them to the new leader (heldPublishes.ts).
   */
  private releaseHeld(): void {
    if (this.held.size === 0) return;
    this.held.release(() => this.isAvailable(), (m, edge) => { addHop(m, this.index, this.ctx, 'enqueued'); this.take(m, edge); });
  }

  /** An arrival the queue can take: admission, enqueue, confirm, dispatch (A1.6, A1.8). */
  private take(message: Message, edge: EdgeRuntime): void {
    if (this.admissionChecks && !this.admission.admit(message, edge)) return;
    this.received++;
    this.intervalIn++;
    if (this.limited && this.rules.overflow !== 'drop-head' && this.admission.rejectsAtLimit(message, this.store)) return;
    this.enqueue(message);
    this.acceptForConfirm(message);
    this.dispatch();
    // A1.8 drop-head: the oldest ready messages (highest priority first) make room.
    if (this.limited) this.dropHeads();
    if (this.store.length > this.maxReady) this.maxReady = this.store.length;
  }

  /** A1.8 drop-head: drops (dead-letters, reason maxlen) from the head while over the limit; reject-publish never drops. */
  private dropHeads(): void {
    if (this.rules.overflow !== 'drop-head') return;
    while (this.store.length > 0 && this.overLimit()) this.deadLetters.send(this.store.shift()!, 'maxlen', true);
  }

  /**
   * After a message came back (nack with requeue, or its channel closed): A1.8, a requeued message is ready again
   * and counts towards the length limit, so drop-head trims the queue. A classic queue drops before it delivers
   * again (RMQ-SRC rabbit_amqqueue_process requeue_and_run: maybe_drop_head, then run_message_queue), so a
   * requeued message at the head of a full queue is the one dropped; a quorum queue delivers first, then drops
   * (rabbit_fifo return → checkout: checkout_one, then evaluate_limit), as it does for a publish.
   */
  private dispatchAfterReturn(): void {
    if (!this.limited) { this.dispatch(); return; }
    if (this.rules.flavor === 'classic') { this.dropHeads(); this.dispatch(); }
    else { this.dispatch(); this.dropHeads(); }
  }

  /** A1.8: over the length limit (drop-head; reject-publish refuses in Admission before the message is stored). */
  private overLimit(): boolean {
    return this.store.length > this.rules.maxLength || this.store.bytes > this.rules.maxLengthBytes;
  }

  private enqueue(m: Message): void {
    const now = this.ctx.now();
    m.queueSeq = this.seq++;
    m.enqueuedAt = now;
    m.expiresAt = this.queueExpiry || m.expirationMs >= 0 ? expiryOf(this.rules, m, now) : Infinity;
    const expires = m.expiresAt !== Infinity;
    if (expires) this.mayExpire = true;
    m.sqsOwned = this.sqs;
    if (m.corrupt) this.integrity.stored(m);
    m.safeAt = this.replicated ? now + this.replication.safeDelay(this.confirms) : now;
    this.store.push(m);
    if (expires && this.retention !== null) this.retention.enqueued(m); // A2.1: retention behind the head
  }

  /** Publisher confirms (A1.6, A1.12, A1.13): confirms.ts says when. */
  private acceptForConfirm(m: Message): void {
    const confirm = m.confirm;
    if (!confirm) return;
    m.confirm = null;
    this.confirms.accept(m, confirm, this.replication);
  }

  private isAvailable(): boolean { return !this.down && (!this.hosted || this.replication.available()); }

  // ---- delivery -------------------------------------------------------------------------------

  /** Hands ready messages to push consumers that can take them and to waiting polls, head first. */
  private dispatch(): void {
    if (!this.isAvailable()) return;
    for (;;) {
      this.expireHeads();
      // peek, not length: on a FIFO queue ready messages of locked groups are not available (A2.3).
      if (this.store.peek() === undefined) break;
      const sub = this.nextPushSubscriber();
      if (sub) { this.deliver(sub, this.store.shift()!); continue; }
      const poll = this.pulled ? this.polls.next() : undefined;
      if (!poll) break;
      const given = this.takeForPoll(poll.edge, poll.max);
      // A2.1: a long poll returns empty only when its wait ends. Every message it found was moved to the
      // dead-letter queue (A2.2: "does not return it") or had expired: it goes on waiting, on its own timer.
      if (given === 0) { this.polls.putBack(poll); break; }
      this.polls.answer(poll.edge, given);
    }
    this.scheduleExpiryCheck();
  }

  /** A1.15: round-robin over consumers, skipping those blocked by their prefetch or offline. */
  private nextPushSubscriber(): Subscription | undefined {
    const n = this.subs.length;
    let i = this.rr < n ? this.rr : 0; // rr: one past the last one served (a wrap, not a division: this runs per message)
    for (let k = 0; k < n; k++) {
      const sub = this.subs[i]!;
      if (sub.canTakePush()) { this.rr = i + 1; return sub; }
      if (++i === n) i = 0;
    }
    return undefined;
  }

  /** Delivers one message; false when it went to the dead-letter queue instead (SQS redrive). */
  private deliver(sub: Subscription, m: Message): boolean {
    const now = this.ctx.now();
    // A2.2 engine rule: on an attempt to deliver m, if receiveCount == maxReceiveCount, move it to the DLQ.
    if (this.sqs && m.receiveCount >= this.rules.maxReceiveCount) { this.deadLetters.send(m, 'maxReceiveCount', false); return false; }
    if (m.originAt >= this.ctx.warmupMs) {
      const waited = now - m.enqueuedAt;
      this.wait.record(waited);
      if (this.ctx.sampling) this.intervalWait.record(waited); // the queue's own latency series
    }
    // A1.4: a delivery after a requeue carries redelivered=true.
    if (m.deliveryCount > 0) { m.redelivered = true; this.redelivered++; }
    m.deliveryCount++;
    this.delivered++;
    this.intervalOut++;
    addHop(m, this.index, this.ctx, 'delivered');
    // A2.1: hidden for the visibility timeout under a new receipt (sqsInFlight.ts).
    if (this.sqs) {
      this.invisible.receive(m);
      if (this.groups !== null) this.retention!.groupLocked(m.groupId); // A2.3 lock; A2.1 retention runs on behind it
    } else if (sub.manual) {
      sub.unacked++; this.unacked++;
      m.deliveredAt = now; // A1.4 consumer timeout: its delivered_at
      this.consumerTimeouts?.delivered(sub);
      if (mayTravel(sub.edge)) this.channels.sent(m, sub.edge); // A1.4: a channel closing on its way requeues it
    }
    this.ctx.send(sub.edge, m);
    return true;
  }

  poll(edge: EdgeRuntime, max: number, waitMs: number): void {
    if (!this.isAvailable()) { this.polls.answer(edge, 0); return; }
    // A consumer without read permission: each basic.get / ReceiveMessage is refused and returns nothing.
    if (this.subByEdge[edge.index]?.refused) { this.refusedConsume++; edge.target.subscriber?.pollReturned(edge, 0); return; }
    this.expireHeads();
    if (this.store.peek() !== undefined) {
      const given = this.takeForPoll(edge, max);
      this.scheduleExpiryCheck();
      if (given > 0) { this.polls.answer(edge, given); return; }
    }
    // A2.1: long polling waits until a message arrives or the wait ends, also when the only messages it
    // found were moved to the dead-letter queue (A2.2); basic.get never waits (A1.5).
    if (waitMs > 0 && this.sqs) this.polls.wait(edge, max, waitMs);
    else this.polls.answer(edge, 0);
  }

  /**
   * SQS ReceiveMessage takes up to `max` (≤ 10) messages; basic.get takes one. Returns how many it handed
   * out, which the caller answers (0 when the messages it found were moved to the DLQ, A2.2, or expired).
   */
  private takeForPoll(edge: EdgeRuntime, max: number): number {
    const sub = this.subByEdge[edge.index]!;
    const limit = this.sqs ? max : 1;
    let given = 0;
    this.groups?.beginBatch(); // A2.3: one receive takes as many messages of one group as it can
    while (given < limit) {
      this.expireHeads();
      const m = this.store.shift();
      if (!m) break;
      if (this.deliver(sub, m)) given++;
    }
    this.groups?.endBatch();
    return given;
  }

  // ---- settlement -----------------------------------------------------------------------------

  ack(m: Message, edge: EdgeRuntime, receipt: number): AckOutcome {
    if (this.sqs) {
      // A2.1: across a link with a delay the delete arrives later (deleteArrived); meanwhile the message stays in flight.
      if (mayTravel(edge) && this.invisible.sendDelete(edge, m, receipt)) return ACK_ON_ITS_WAY;
      return this.deleteMessage(m, receipt);
    }
    // A1.4/A1.5: across a link with a delay the ack arrives later; until then the delivery is unacked (its slot held, requeued by a close).
    if (mayTravel(edge) && this.settlements.inFlight.send(edge, m, true, false)) return ACK_ON_ITS_WAY;
    // Arrived at once (as Settlements.ackArrived does after travelling): the hot path, so written out here.
    this.settle(edge);
    this.acked++;
    this.dispatch();
    return ACK_SETTLED;
  }

  /**
   * A2.1: DeleteMessage with the receipt of the message's latest receive removes it, in flight or (a standard queue)
   * visible again after that receive's visibility timeout (sqsInFlight.ts deleteVisible). A2.3: on a FIFO queue the
   * receipt expired with the visibility timeout, and the delete fails. A receipt from an earlier receive (someone received
   * it since): AWS's DeleteMessage reference says the request succeeds but the message might not be deleted; we take,
   * deterministically, the case where it is not. Either deletes nothing: a stale delete, and the message comes again.
   */
  private deleteMessage(m: Message, receipt: number): AckOutcome {
    if (this.invisible.delete(m, receipt)) {
      this.acked++;
      if (this.groups) this.dispatch(); // A2.3: the delete unblocked its group
      return ACK_SETTLED;
    }
    if (!this.invisible.deleteVisible(m, receipt, this.store as RemovableStore)) { this.staleDeletes++; return ACK_STALE; }
    this.acked++;
    this.lateDeletes++;
    addHop(m, this.index, this.ctx, 'deleted while visible again (nobody received it since its visibility timeout)');
    return ACK_SETTLED;
  }

  /** A2.1: a DeleteMessage that crossed a link with a delay arrives; its consumer hears whether it deleted the message. */
  private deleteArrived(d: DeleteInFlight): void {
    const subscriber = d.edge.target.subscriber;
    if (this.deleteMessage(d.message, d.receipt) === ACK_SETTLED) subscriber?.ackArrived(d.message, d.edge, d.sentAt);
    else subscriber?.deleteTooLate(d.message, d.edge);
  }

  nack(m: Message, edge: EdgeRuntime, requeue: boolean, receipt: number): void {
    // A2.1: an SQS consumer that fails does not delete; the message reappears after its visibility timeout.
    if (this.sqs) { this.nacked++; void receipt; return; }
    if (mayTravel(edge) && this.settlements.inFlight.send(edge, m, false, requeue)) return; // arrives later, as an ack does
    this.settlements.nackArrived(m, edge, requeue);
  }

  private settle(edge: EdgeRuntime): void {
    const sub = this.subByEdge[edge.index];
    if (sub && sub.unacked > 0) { sub.unacked--; this.unacked--; }
  }

  /** A1.4 requeue / automatic requeue on channel close; A1.10 quorum delivery-limit on return. */
  private returnToQueue(m: Message): void {
    this.integrity.returned(m);
    if (this.pastDeliveryLimit(m)) return;
    m.redelivered = true;
    m.enqueuedAt = this.ctx.now();
    this.store.requeue(m, this.rules.requeuePlace);
    addHop(m, this.index, this.ctx, 'requeued');
  }

  /**
   * A1.10 (≤ 4.2): every return to a quorum queue counts (reject, nack, channel close or crash), and the limit
   * applies on each: a message back with more returns than the delivery-limit is dead-lettered (reason
   * delivery_limit) instead of requeued. True when it was.
   */
  private pastDeliveryLimit(m: Message): boolean {
    if (this.rules.flavor !== 'quorum' || ++m.returns <= this.rules.deliveryLimit) return false;
    this.integrity.returned(m);
    this.deadLetters.send(m, 'delivery_limit', false);
    return true;
  }

  // ---- channel closes (channels.ts) -----------------------------------------------------------

  linkLost(m: Message, edge: EdgeRuntime, reason: 'partition' | 'linkLoss'): boolean { return this.channels.linkLost(m, edge, reason); }
  linkReturned(m: Message, edge: EdgeRuntime): void { this.channels.linkReturned(m, edge); }
  channelClosed(m: Message, edge: EdgeRuntime): void { this.channels.channelClosed(m, edge); }
  deliveryArrived(m: Message, edge: EdgeRuntime): boolean { return this.channels.arrived(m, edge); }
  linkPartitioned(edge: EdgeRuntime): void { this.channels.linkPartitioned(edge); }

  linkHealed(edge: EdgeRuntime): void {
    this.channels.linkHealed(edge);
    this.dispatch(); // every subscription is looked at: the one on this edge may take what waited
  }

  setOnline(edge: EdgeRuntime, online: boolean): void {
    if (!online) { this.polls.remove(edge); this.channels.offline(edge); return; }
    const sub = this.subByEdge[edge.index];
    if (sub?.refused && sub.push) this.refusedConsume++; // it subscribes again and is refused again
    this.dispatch();
  }

  // ---- expiry (expiry.ts) and timers ----------------------------------------------------------

  /** A1.7/A2.1: removes expired heads (`inclusive`: expiring now too, at the expiry timer). */
  private expireHeads(inclusive = false): void {
    if (this.mayExpire) this.expiry.expireHeads(this.store, inclusive);
  }

  private scheduleExpiryCheck(): void {
    if (this.mayExpire) this.expiry.scheduleCheck(this.store);
  }

  handle(type: number, payload: unknown, arg: number): void {
    if (type === EV_EXPIRE) { this.expiry.timerFired(); this.expireHeads(true); this.dispatch(); return; }
    if (type === EV_RETENTION) { this.retention!.fired(this.store as RemovableStore); this.scheduleExpiryCheck(); return; }
    if (type === EV_DISK_WRITTEN) { this.confirms.written(payload as number); return; }
    if (type === EV_ELECTION) { if (this.replication.elect()) { this.releaseHeld(); this.dispatch(); } return; }
    if (type === EV_VISIBILITY) { this.visibilityEnded(payload as Message, arg); return; }
    if (type === EV_RETENTION_IN_FLIGHT) { this.retentionEndedInFlight(payload as Message, arg); return; }
    if (type === EV_POLL_TIMEOUT) { this.polls.timedOut(payload as PendingPoll, arg); return; }
    if (type === EV_SETTLEMENT) { this.settlements.arrived(payload as SettlementInFlight); return; }
    if (type === EV_DELETE) { this.deleteArrived(payload as DeleteInFlight); return; }
    if (type === EV_LINK_DEAD) { this.channels.linkDead(payload as Subscription, arg); return; }
    if (type === EV_CONSUMER_TIMEOUT && this.consumerTimeouts!.due(payload as Subscription)) this.channels.timedOut(payload as Subscription);
  }

  /** A2.1: not deleted within the visibility timeout, the message becomes visible again. */
  private visibilityEnded(m: Message, receipt: number): void {
    if (!this.invisible.expire(m, receipt)) return;
    this.integrity.returned(m);
    this.store.requeue(m, 'position'); // A2.3: on a FIFO queue, at the head of its group
    this.retention!.visibleAgain(m, this.store as RemovableStore); // A2.1: retention wherever it is
    addHop(m, this.index, this.ctx, 'visible again');
    this.dispatch();
  }

  /** A2.1: deleted when its retention ends, though in flight (sqsInFlight.ts `retentionEnded`). */
  private retentionEndedInFlight(m: Message, receipt: number): void {
    if (!this.invisible.retentionEnded(m, receipt)) return;
    this.retention!.deletedInFlight(m);
    addHop(m, this.index, this.ctx, 'deleted (retention period ended while in flight)');
    if (this.groups) this.dispatch(); // A2.3: its group is unlocked
  }

  // ---- outages (the faults issue) ---------------------------------------------------------------

  crash(): void {
    if (this.down) return;
    this.down = true;
    // SQS stores every message redundantly: an outage makes it unavailable, it loses nothing.
    if (this.sqs) return;
    this.outage((m) => this.rules.flavor === 'quorum' || (this.rules.durable && m.persistent), 'transientOnRestart');
  }

  restart(): void {
    if (!this.down) return;
    this.down = false;
    this.releaseHeld();
    this.dispatch();
  }

  brokerDown(brokerId: string): void {
    const broker = this.replication.replicas.find((b) => b.id === brokerId);
    if (!broker) return;
    if (this.replication.kind === 'none') { this.brokerDead = true; this.crash(); return; }
    if (!this.replication.isLeader(broker)) return; // a follower or mirror: the leader carries on
    // A1.13: what a majority (or the mirrors) did not hold yet is lost with the leader.
    const now = this.ctx.now();
    this.outage((m) => m.safeAt <= now, 'unreplicatedOnFailover');
    if (this.replication.failover()) { this.releaseHeld(); this.dispatch(); }
  }

  brokerUp(): void {
    if (this.replication.kind === 'none') { this.brokerDead = false; this.restart(); return; }
    this.replication.memberBack(); // A1.13 (replication.ts)
    this.releaseHeld(); // a follower back restores the majority under the same leader
    this.dispatch();
  }

  /**
   * The leader's channels close: consumers give up what they hold unacked (it comes back, A1.4), then
   * only the messages that `survives` keeps are still here; the rest are lost for `reason`.
   */
  private outage(survives: (m: Message) => boolean, reason: DropReason): void {
    // A1.4: what the closed channels held is requeued by the broker, not nacked by a consumer (the outage may then lose it).
    const returned = this.channels.closeAll(this.subs);
    const all = [...this.store.toArray(), ...returned];
    this.store = readyStoreFor(this.node.config);
    // A1.10: a delivery given back by a closed channel is a return like any other, delivery-limit included.
    keepSurvivors(this.store, all, returned, survives, (m) => this.lostInOutage(m, reason), (m) => !this.pastDeliveryLimit(m));
    this.confirms.voidPending(); // after lostInOutage asked which confirms were due
    this.polls.endAll();
  }

  /**
   * A message the outage lost. One whose confirm was still due was never said to be safe (A1.6; on a quorum
   * queue, no majority held it yet, A1.13): its publisher times out and may send it again, no promise is
   * broken. One confirmed, or published without confirms (nobody will send it again), is the broker's loss,
   * and its consumers'.
   */
  private lostInOutage(m: Message, reason: DropReason): void {
    const due = this.confirms.isDue(m);
    if (due) this.lostBeforeConfirm++;
    else this.lostOnOutage++;
    // Like a publish refused with a nack (SimContext.lose), a write never confirmed is charged to no node: it
    // breaks no consumer's delivery guarantee (the audit), since the broker never took responsibility for it.
    this.ctx.lose(m, reason, due ? -1 : this.index);
  }

  setDiskFactor(factor: number): void { this.confirms.setDiskFactor(factor); }

  // ---- figures --------------------------------------------------------------------------------

  census(into: Census): void {
    into.deadLettered += this.store.deadLettered;
    into.queued += this.store.length - this.store.deadLettered;
    into.inFlight += this.invisible.size + this.held.size + this.settlements.inFlight.size; // A1.4: settled on its way
  }

  /**
   * Ready (head first), SQS in-flight and held messages, and those whose ack or nack is on its way back (A1.4: the
   * queue's until it arrives), for the message inspector.
   */
  messages(limit: number): { message: Message; state: string }[] {
    const ready = this.store.toArray().slice(0, limit).map((message) => ({ message, state: 'ready' }));
    const hidden = this.invisible.toArray().map((message) => ({ message, state: 'invisible (received, not deleted)' }));
    const held = this.held.toArray().map((message) => ({ message, state: 'held (published, waiting for a leader)' }));
    return [...ready, ...hidden, ...held, ...this.settlements.inFlight.toArray()].slice(0, limit);
  }

  writeLive(out: Float64Array, o: number): void {
    this.writeLiveCounts(out, o, this.store.length, this.unacked + this.invisible.size, this.isAvailable());
  }

  writeSample(out: Float64Array, o: number, intervalMs: number): void {
    this.writeSampleCounts(out, o, intervalMs, this.store.length, this.unacked + this.invisible.size);
  }

  report(): NodeReport {
    return {
      kind: this.kind, flavor: this.rules.flavor, ...this.reportFields(this.deadLetters.edge !== undefined),
      ready: this.store.length, unacked: this.unacked + this.invisible.size, consumers: this.subs.length,
      available: this.isAvailable() ? 1 : 0, ...(this.replication.kind === 'quorum' ? { held: this.held.size } : {}), ...(this.sqs && this.groups === null ? { lateDeletes: this.lateDeletes } : {}), lostOnOutage: this.lostOnOutage, lostBeforeConfirm: this.lostBeforeConfirm,
      ...(this.replication.kind !== 'none' ? { replication: this.replication.kind, leader: this.replication.leaderBroker?.id ?? '' } : {}),
      queueWaitMs: this.wait.summary(),
    };
  }
}
