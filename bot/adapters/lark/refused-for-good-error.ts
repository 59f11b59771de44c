// Lark refused a send for good: the deliver job marks it failed at once (no retry) and staff are told.

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
