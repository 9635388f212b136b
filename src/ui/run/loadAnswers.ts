/**
 * The loads the worker has not answered yet, oldest first (it answers every load, in order). Each has a log entry,
 * written when the load was asked for ("Loading …") and revised with the worker's words when it answers. A load
 * whose run was discarded before its answer came is marked: its answer, of the old document, is skipped.
 */
export class LoadAnswers {
  /** Each pending load's log entry, or null once its run was discarded. */
  private pending: (number | null)[] = [];

  /** A load logged as entry `logId` was sent. */
  sent(logId: number): void { this.pending.push(logId); }

  /** The answer to the oldest load came: its log entry, null if its run was discarded, undefined if none was pending. */
  answered(): number | null | undefined { return this.pending.shift(); }

  /** The loaded run was discarded: returns the log entries of the loads still unanswered, whose answers are now skipped. */
  discardAll(): number[] {
    const entries = this.pending.filter((e): e is number => e !== null);
    this.pending = this.pending.map(() => null);
    return entries;
  }

  /** The worker was replaced: nothing pending will be answered. */
  clear(): void { this.pending = []; }
}
