import type { NodeOf } from '../../../schema';
import { startTrail } from '../../model/trail';
import type { SimContext } from '../../model/context';
import { repliesComeBack, type EdgeRuntime } from '../../model/edge';
import { newMessage, type HeaderValue, type Message } from '../../model/message';
import { samplerFor, type Sampler } from '../../random/samplers';

type ReplyConfig = NodeOf<'consumer'>['config']['reply'];

const ERROR_HEADERS: Readonly<Record<string, HeaderValue>> = Object.freeze({ error: true });

/**
 * The replier of EIP Request-Reply (semantics.md A4): it sends each reply to the request's Return
 * Address (replyTo) with correlationId = the request's id, and never hard-codes a destination.
 */
export class Responder {
  private readonly score: Sampler;

  constructor(
    private readonly id: string,
    private readonly index: number,
    private readonly outputs: readonly EdgeRuntime[],
    private readonly config: ReplyConfig,
    private readonly ctx: SimContext,
  ) {
    this.score = samplerFor(config.score, ctx.random(id, 'replyScore'));
  }

  /**
   * Replies to `request`, which came along `via`. An error reply (header error: true) tells the caller at
   * once that its request failed here, as an HTTP 500 would, instead of leaving it to time out.
   */
  reply(request: Message, via: EdgeRuntime, error: boolean): void {
    const now = this.ctx.now();
    const reply = newMessage(this.ctx.nextMessageId(), now, {
      originAt: request.originAt, routingKey: request.replyTo,
      headers: error ? ERROR_HEADERS : { score: this.score.draw() }, priority: -1, sizeBytes: this.config.sizeBytes,
      trail: this.ctx.tracing ? startTrail(this.index, this.ctx, error ? 'error reply' : 'reply') : null,
      publisher: this.id, correlationId: request.id,
    });
    this.ctx.accounting.forwarded++; // a new message copy
    // A direct call: the reply goes back on the call's own connection.
    if (repliesComeBack(via, request)) { this.ctx.sendBack(via, reply); return; }
    const out = this.outputs.find((e) => e.target.id === request.replyTo);
    if (out) { this.ctx.send(out, reply); return; }
    // A1.1.2/A1.1.7: the default exchange routes by queue name; with no such destination there is no route.
    this.ctx.accounting.drop('unroutable', this.index, reply.id);
  }
}
