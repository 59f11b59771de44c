// "已登记需求 R-0042。我理解为：…": the reply to a registered request. Its correction example suggests a change
// that is not made yet ("改成现场" for a remote request, "改成远程" otherwise).
import type { Locale, Translate } from "../core/i18n.ts";
import { describeRequest, type RequestFields } from "../core/request-format.ts";

export function registeredReply(t: Translate, locale: Locale, row: RequestFields & { code: string }): string {
  const change = t(row.mode === "remote" ? "intake.example_change.remote" : "intake.example_change.other");
  return t("intake.registered", { code: row.code, summary: describeRequest(t, locale, row), change });
}
