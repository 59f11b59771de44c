// How a Lark send failed, for the deliver job: rate-limited (retry after `retryAfterMs`, no attempt spent)
// or refused for good (no retry: marked failed at once, staff told).

export class RateLimitedError extends Error {
  readonly retryable = true;

  constructor(readonly retryAfterMs: number) {
    super(`Lark rate limit: retry after ${retryAfterMs} ms`);
    this.name = "RateLimitedError";
  }
}

/** Lark refused a send for a reason a retry does not change (bot not in the chat, content too long). */
export class RefusedForGoodError extends Error {
  readonly permanent = true;

  constructor(
    readonly code: number,
    detail: string,
  ) {
    super(`Lark refused the send for good: ${code} ${detail}`.trim());
    this.name = "RefusedForGoodError";
  }
}
