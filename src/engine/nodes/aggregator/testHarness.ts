/**
 * Test support: one aggregator driven by hand. Replies are crafted messages (correlationId, `score`
 * header) delivered at chosen times; a tiny event loop runs the aggregator's timers; the aggregates it
 * sends are captured off its output edge. Accounting is the engine's own.
 */
import { parseScenario, type NodeOf } from '../../../schema';
import type { DropReason } from '../../api';
import { Accounting } from '../../metrics/accounting';
import type { SimContext } from '../../model/context';
import type { EdgeRuntime } from '../../model/edge';
import { newMessage, type Message } from '../../model/message';
import { AggregatorModel } from './aggregator';

interface Pending { at: number; seq: number; run: () => void }

export interface Sent { at: number; message: Message }

export class AggregatorHarness {
  readonly accounting = new Accounting();
  readonly sent: Sent[] = [];
  readonly model: AggregatorModel;
  private clock = 0;
  private seq = 0;
  private ids = 1000;
  private readonly pending: Pending[] = [];

  constructor(config: Record<string, unknown>, withOutput = true) {
    const r = parseScenario({
      version: 3,
      nodes: [{ id: 'agg', kind: 'aggregator', config }, { id: 'sink', kind: 'queue' }],
      edges: withOutput ? [{ id: 'out', source: 'agg', target: 'sink' }] : [],
    });
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    const node = r.scenario.nodes[0] as NodeOf<'aggregator'>;
    this.model = new AggregatorModel(0, 'agg', node, this.context());
    if (withOutput) this.model.outputs.push(this.sinkEdge());
    this.model.start();
  }

  /** A reply for request `correlationId` arriving at `at` ms, with a `score` header unless null. */
  reply(at: number, correlationId: number, score: number | null = 1, originAt = 0, sizeBytes = 100): void {
    this.at(at, () => {
      const headers: Record<string, number> = score === null ? {} : { score };
      const m = newMessage(this.ids++, this.clock, { originAt, routingKey: 'bid', headers, priority: -1, sizeBytes, trail: null, correlationId });
      this.accounting.forwarded++; // a responder's reply is a new message on its chain
      this.model.receive(m);
    });
  }

  /** Runs `f` at `at` ms (after events already due then). */
  at(at: number, f: () => void): void { this.push(at, f); }

  /** Processes every event up to `until`. */
  run(until = Infinity): void {
    for (;;) {
      this.pending.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.pending[0];
      if (!next || next.at > until) break;
      this.pending.shift();
      this.clock = next.at;
      next.run();
    }
    if (until !== Infinity) this.clock = until;
  }

  dropped(reason: DropReason): number { return this.accounting.droppedByReason[reason] ?? 0; }

  report(): Record<string, unknown> { return this.model.report(); }

  private push(at: number, run: () => void): void { this.pending.push({ at, seq: this.seq++, run }); }

  private context(): SimContext {
    const ctx: Partial<SimContext> = {
      now: () => this.clock,
      schedule: (delay, _node, type, payload) => this.push(this.clock + delay, () => this.model.handle(type, payload)),
      send: (_edge, message) => { this.sent.push({ at: this.clock, message }); },
      nextMessageId: () => this.ids++,
      accounting: this.accounting,
      tracing: false,
      warmupMs: 0,
      audit: null,
      lose: (message, reason, node) => { this.accounting.drop(reason, node, message.id); },
    };
    return ctx as SimContext;
  }

  private sinkEdge(): EdgeRuntime {
    return { index: 0, id: 'out', role: 'publish', source: this.model, target: this.model, bindingKey: '', routingKey: undefined, delayMs: 0, xMatch: 'all', bindingArgs: {}, filterPolicy: null, invalidChannel: false, traffic: 0, lastMessage: null, lastReply: null, fault: null } as unknown as EdgeRuntime;
  }
}
