// An error meant for the person who wrote: a locale key and its parameters, rendered with t() in the
// reader's locale by the router's one onError (handlers/router.ts). Anything else that a handler throws
// is logged and answered with errors.internal.

import type { TranslationKey } from "./i18n.ts";

export class UserFacingError extends Error {
  constructor(
    readonly key: TranslationKey,
    readonly params: Record<string, unknown> = {},
  ) {
    super(key);
    this.name = "UserFacingError";
  }
}
