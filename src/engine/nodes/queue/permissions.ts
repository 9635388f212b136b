/**
 * Who may do something, by client node id: RabbitMQ's write and read permissions, SQS SendMessage and
 * ReceiveMessage in a queue policy. null lets everyone (no policy).
 */
export class Permission {
  private readonly allowed: ReadonlySet<string> | null;

  constructor(ids: readonly string[] | null | undefined) {
    this.allowed = ids ? new Set(ids) : null;
  }

  /** Whether the permission names anyone at all, i.e. whether it can refuse. */
  get restricted(): boolean { return this.allowed !== null; }

  allows(client: string): boolean { return this.allowed === null || this.allowed.has(client); }
}
