// Lark answered 429 or code 99991400: the send may be retried after `retryAfterMs`.

export class RateLimitedError extends Error {
  readonly retryable = true;

  constructor(readonly retryAfterMs: number) {
    super(`Lark rate limit: retry after ${retryAfterMs} ms`);
    this.name = "RateLimitedError";
  }
}
