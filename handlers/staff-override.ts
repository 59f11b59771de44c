// Staff step in on a request: assign an expert, re-run matching, close it.

import { rolesOf } from "../jobs/offer.ts";
import type { HandlerContext } from "./context.ts";
import { findRequestCode } from "./request-codes.ts";
import { startMatching } from "./request-intake.ts";
import { withdrawOpenOffer } from "./withdraw-offer.ts";

const finished = new Set(["introduced", "closed", "cancelled", "expired"]);

async function requestFromArgs(ctx: HandlerContext, args: string[]) {
  const code = findRequestCode(args.join(" "));
  const request = code ? await ctx.services.db.helpRequest.findUnique({ where: { code } }) : null;
  if (!request) await ctx.reply(ctx.t("intake.not_found", { code: code ?? args.join(" ") }));
  return request;
}

export async function assignExpert(ctx: HandlerContext, args: string[]): Promise<void> {
  const { services, t, speaker } = ctx;
  const { db } = services;
  const request = await requestFromArgs(ctx, args);
  if (!request) return;
  if (finished.has(request.status)) return ctx.reply(t("intake.already_closed", { code: request.code }));
  const who = args
    .filter((arg) => !findRequestCode(arg))
    .join(" ")
    .trim();
  const expert = who
    ? await db.expert.findFirst({ where: { OR: [{ externalId: who }, { name: who }], active: true } })
    : null;
  if (!expert) return ctx.reply(t("staff.expert_not_found", { who: who || "?" }));
  // In a two-expert team the assigned expert takes the role that has nobody yet (or the first one).
  const matches = await db.match.findMany({ where: { requestId: request.id } });
  const roles = rolesOf({ teamSize: request.teamSize, matches });
  const open = roles.find(
    (role) => !matches.some((m) => m.role === role && (m.status === "accepted" || m.status === "offered")),
  );
  const role = request.teamSize > 1 ? (open ?? roles[0] ?? null) : null;
  if (role === null) await withdrawOpenOffer(services, request.id, request.code);
  await db.$transaction([
    db.match.upsert({
      where: { requestId_expertId: { requestId: request.id, expertId: expert.id } },
      create: {
        requestId: request.id,
        expertId: expert.id,
        rank: 0,
        score: 0,
        assignedBy: speaker.personId,
        reasons: JSON.stringify([{ key: "assigned", params: {} }]),
      },
      update: {
        rank: 0,
        status: "candidate",
        assignedBy: speaker.personId,
        offeredAt: null,
        respondedAt: null,
        remindedAt: null,
      },
    }),
    db.helpRequest.update({ where: { id: request.id }, data: { status: "matching", waitReason: null } }),
    db.requestEvent.create({
      data: {
        requestId: request.id,
        actor: speaker.personId,
        type: "assigned",
        detail: JSON.stringify({ expert: expert.name }),
      },
    }),
  ]);
  await services.enqueue("offer", { requestId: request.id, run: `assign-${Date.now()}` });
  await ctx.reply(t("staff.assigned", { code: request.code, expert: expert.name }));
}

export async function rematchRequest(ctx: HandlerContext, args: string[]): Promise<void> {
  const { services, t, speaker } = ctx;
  const { db } = services;
  const request = await requestFromArgs(ctx, args);
  if (!request) return;
  if (finished.has(request.status)) return ctx.reply(t("intake.already_closed", { code: request.code }));
  await withdrawOpenOffer(services, request.id, request.code);
  await db.$transaction([
    db.match.deleteMany({ where: { requestId: request.id, status: { in: ["candidate", "skipped"] } } }),
    db.helpRequest.update({ where: { id: request.id }, data: { status: "open", waitReason: null } }),
    db.requestEvent.create({ data: { requestId: request.id, actor: speaker.personId, type: "rematch" } }),
  ]);
  await startMatching(services, request.id, `rematch-${Date.now()}`);
  await ctx.reply(t("staff.rematching", { code: request.code }));
}

export async function closeRequest(ctx: HandlerContext, args: string[]): Promise<void> {
  const { services, t, speaker } = ctx;
  const { db } = services;
  const request = await requestFromArgs(ctx, args);
  if (!request) return;
  if (request.status === "closed" || request.status === "cancelled") {
    return ctx.reply(t("intake.already_closed", { code: request.code }));
  }
  await withdrawOpenOffer(services, request.id, request.code);
  await db.$transaction([
    db.match.deleteMany({ where: { requestId: request.id, status: "candidate" } }),
    db.helpRequest.update({
      where: { id: request.id },
      data: { status: "closed", closedAt: new Date(), waitReason: null },
    }),
    db.requestEvent.create({ data: { requestId: request.id, actor: speaker.personId, type: "closed" } }),
  ]);
  await ctx.reply(t("staff.closed", { code: request.code }));
}
