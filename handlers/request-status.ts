// "R-0013 现在什么进展？", "我的需求", "any update on R-0010?", "专家电话多少？": how a request stands — who
// was invited, who accepted, what is waiting — and what the person can do next. Only the requester and
// staff hear about a request; an expert's phone goes only privately, once the expert has accepted.
import { keyIn } from "../core/i18n.ts";
import type { UnderstandingOf } from "../core/understanding/types.ts";
import { isStaff } from "../prisma/people.ts";
import { latestStatuses, type RequestStatusView, statusByCode } from "../prisma/request-status-view.ts";
import type { HandlerContext } from "./context.ts";

function describe(ctx: HandlerContext, request: RequestStatusView): string {
  const { t } = ctx;
  const status = t(keyIn("status", request.status));
  const accepted = request.offers.filter((offer) => offer.status === "accepted").map((offer) => offer.expert);
  const waiting = request.offers.filter((offer) => offer.status === "offered").map((offer) => offer.expert);
  const asked = request.offers.length;
  const code = request.code;
  let next: string;
  if (accepted.length > 0) next = t("request_status.accepted", { experts: accepted.join(t("list.separator")), code });
  else if (waiting.length > 0) next = t("request_status.waiting", { experts: waiting.join(t("list.separator")) });
  else if (request.status === "draft") next = t("request_status.draft");
  else if (request.status === "unmatched") next = t("request_status.unmatched");
  else if (["closed", "cancelled", "expired"].includes(request.status)) next = t("request_status.finished");
  else next = t("request_status.matching", { count: asked });
  return t("request_status.line", { code, status, next });
}

export async function handleStatusQuestion(ctx: HandlerContext): Promise<void> {
  const { t, services, speaker, chat } = ctx;
  const question = (ctx.understanding as UnderstandingOf<"status">).status;
  const staff = isStaff(speaker.role);
  let requests: RequestStatusView[];
  if (question.code) {
    const found = await statusByCode(services.db, question.code);
    if (!found) return ctx.reply(t("intake.not_found", { code: question.code }));
    if (found.requesterId !== speaker.personId && !staff) return ctx.reply(t("request_status.not_yours"));
    requests = [found];
  } else {
    const take = question.about === "mine" ? 3 : 1;
    requests = await latestStatuses(services.db, speaker.personId, {
      chatId: chat.kind === "group" ? chat.id : undefined,
      take,
    });
    if (requests.length === 0) return ctx.reply(t("request_status.none"));
  }
  await ctx.reply(requests.map((request) => describe(ctx, request)).join("\n"));
  if (question.about !== "contact") return;
  const request = requests[0];
  const contacts = request?.offers.filter((offer) => offer.status === "accepted" && offer.phone) ?? [];
  if (!request || contacts.length === 0) return ctx.reply(t("request_status.no_contact_yet"));
  const lines = contacts.map((offer) => t("request_status.contact", { expert: offer.expert, phone: offer.phone }));
  await ctx.replyPrivately(lines.join("\n"));
  if (chat.kind === "group") await ctx.reply(t("request_status.contact_sent_privately"));
}
