/** What a requester counts, for reports, live figures and samples. */
export class RequesterCounters {
  sent = 0;
  /** Requests that got all their expected replies in time. */
  answered = 0;
  /** Replies with header error: true (a responder or a call behind it failed), counted among the replies. */
  errors = 0;
  /** Requests without all their replies `timeoutMs` after sending (partly answered ones too). */
  timeouts = 0;
  /** Requests a crash made it forget while they awaited replies: neither answered nor timed out. */
  abandoned = 0;
  /** Replies after their request was answered or timed out (A4 Correlation Identifier). */
  late = 0;
  /** Replies whose correlation id matches no request of ours (A4 Invalid Message Channel). */
  unmatched = 0;
  /** Replies damaged on the way (a corrupt link): the checksum failed, so they were discarded unmatched. */
  corruptReplies = 0;
  /** Every reply that reached the requester. */
  replies = 0;
  /** Replies that answered (in time) the requests settled so far, for the mean per request. */
  repliesOfSettled = 0;
  /** async: due requests waiting for a free place under maxOutstanding. */
  waiting = 0;
  /** async: requests still waiting to be sent when a crash made it forget them: never sent, so not among `sent`. */
  unsent = 0;
  intervalIn = 0;
  intervalOut = 0;
}
