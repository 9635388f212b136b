/**
 * Pause and Step are logged when pressed, so they keep their place among the person's actions, and take the time
 * the run stopped at when the worker answers (protocol: `paused`, by request id). A Play pressed before that answer
 * resumes where the run stopped, so its entry waits on the same answer.
 */
export class StopAnswers {
  private requests = 0;
  /** Log entries waiting for the `paused` answer to a request, by request id. */
  private readonly awaiting = new Map<number, number[]>();
  /** The last pause or step sent to the loaded run, which a Play resumes from (null: a Play starts at 0). */
  private last: number | null = null;

  /** A new request id for a pause or a step. */
  nextRequest(): number { return ++this.requests; }

  /** A pause or step `requestId` was sent and logged as entry `logId`: a later Play resumes from it. */
  stopped(requestId: number, logId: number): void {
    this.last = requestId;
    this.awaiting.set(requestId, [logId]);
  }

  /** A Play logged as `logId`: it takes the time of the stop it resumes from, if any. */
  resumed(logId: number): void {
    if (this.last !== null) this.awaiting.get(this.last)?.push(logId);
  }

  /** The log entries that take the time of the answer to `requestId`; forgotten once read. */
  answered(requestId: number): number[] {
    const entries = this.awaiting.get(requestId) ?? [];
    this.awaiting.delete(requestId);
    return entries;
  }

  /** A new run was loaded: a Play starts it at 0. */
  newRun(): void { this.last = null; }

  /** The worker was replaced: the old one will answer nothing. */
  clear(): void { this.awaiting.clear(); }
}
