// Offers a request to the next candidate, consent first: one open offer per request at a time,
// the best-ranked expert under their monthly cap who can be reached. When candidates run out the
// request is flagged to staff with the reason.

import { monthStart } from "../core/calendar.ts";
import { asLocale, keyIn, type Translate } from "../core/i18n.ts";
import { label } from "../core/label.ts";
import {
  describePlace,
  describeWindow,
  problemExcerpt,
  type RequestFields,
  skillLabels,
} from "../core/request-format.ts";
import { skillByKey } from "../core/understanding/skills.ts";
import { directSql } from "../prisma/client.ts";
import { newId, sqlDate } from "../prisma/direct-sql.ts";
import { personIdForExpert } from "../prisma/people.ts";
import type { JobDefinition, QueueModule } from "./job-system.ts";
import type { MatchReason } from "./matching/types.ts";
import { scheduleOfferTimeout } from "./offer-timeout.ts";
import { repairingOrphans, resumeOrphanOffers } from "./orphan-offers.ts";
import { type Services, sendToChat, sendToPerson, translate } from "./services.ts";

export const offerQueue = "offer";

export interface OfferPayload {
  requestId: number;
  /**
   * Which pass over the request: the count of offers made so far after an answer, or "assign-…",
   * "repair-…", "erased-…". Two passes for the same reason share a job id and run once.
   */
  run: string;
}

declare module "../core/ports.ts" {
  interface Jobs {
    offer: OfferPayload;
  }
}

const finished = new Set(["introduced", "closed", "cancelled", "expired", "draft"]);

/** A taxonomy skill's label in a locale, or the key itself. */
export function skillLabel(key: string, locale: string): string {
  const skill = skillByKey(key);
  return skill ? label(skill, asLocale(locale)) : key;
}

export function renderReasons(t: Translate, reasonsJson: string): string {
  let reasons: MatchReason[] = [];
  try {
    reasons = JSON.parse(reasonsJson) as MatchReason[];
  } catch {
    reasons = [];
  }
  return reasons.map((reason) => t(keyIn("reasons", reason.key), reason.params)).join(t("list.dot"));
}

interface OfferCandidate {
  id: string;
  expertId: string;
  status: string;
  role: string | null;
  assignedBy: string;
  reasons: string;
  expert: { id: string; name: string; paused: boolean; active: boolean };
}

interface OfferRequest extends RequestFields {
  id: number;
  status: string;
  teamSize: number;
  /** The enterprise's name, else the name of the person who asked. */
  requesterName: string;
  matches: OfferCandidate[];
}

// Every request passes here, often several times: plain SQL (prisma/direct-sql.ts) rather than Prisma.
function loadRequest(services: Services, requestId: number): OfferRequest | null {
  const sql = directSql(services.db);
  const request = sql.get<Omit<OfferRequest, "matches">>(
    `SELECT r.id, r.code, r.text, r.status, r.skills, r.teamKey, r.city, r.district, r.mode, r.windowStart,
       r.windowEnd, r.teamSize, COALESCE(e.name, p.displayName) AS requesterName
     FROM HelpRequest r JOIN Person p ON p.id = r.requesterId LEFT JOIN Enterprise e ON e.id = r.enterpriseId
     WHERE r.id = ?`,
    requestId,
  );
  if (!request) return null;
  const rows = sql.all<Omit<OfferCandidate, "expert"> & { name: string; paused: number; active: number }>(
    `SELECT m.id, m.expertId, m.status, m.role, m.assignedBy, m.reasons, x.name, x.paused, x.active
     FROM Match m JOIN Expert x ON x.id = m.expertId WHERE m.requestId = ? ORDER BY m.rank ASC`,
    requestId,
  );
  const matches = rows.map(({ name, paused, active, ...match }) => ({
    ...match,
    expert: { id: match.expertId, name, paused: paused === 1, active: active === 1 },
  }));
  return { ...request, matches };
}

function setMatchStatus(services: Services, matchId: string, status: "skipped"): Promise<unknown> {
  return directSql(services.db).write((tx) =>
    tx.run(
      "UPDATE Match SET status = ?, offeredAt = NULL, updatedAt = ? WHERE id = ?",
      status,
      sqlDate(new Date()),
      matchId,
    ),
  );
}

/** The roles of a team request in rank order, or [null] for a request one expert takes. */
export function rolesOf(request: { teamSize: number; matches: { role: string | null }[] }): (string | null)[] {
  if (request.teamSize <= 1) return [null];
  return [...new Set(request.matches.map((match) => match.role).filter((role): role is string => role !== null))];
}

/**
 * Makes the next offer for a request — for each role of a two-expert team that has neither an
 * accepted expert nor an open offer — and flags the request to staff when a role has nobody left.
 */
export async function offerNext(services: Services, requestId: number): Promise<void> {
  const request = loadRequest(services, requestId);
  if (!request || finished.has(request.status)) return;
  let exhausted = false;
  for (const role of rolesOf(request)) {
    const inRole = request.matches.filter((match) => request.teamSize <= 1 || match.role === role);
    if (inRole.some((match) => match.status === "accepted" || match.status === "offered")) continue;
    if (!(await offerToNextCandidate(services, request, inRole, role))) exhausted = true;
  }
  if (exhausted) await flagUnmatched(services, request.id);
}

/** Offers to the best remaining candidate of `candidates`; false when none could be offered. */
async function offerToNextCandidate(
  services: Services,
  request: OfferRequest,
  candidates: OfferCandidate[],
  role: string | null,
): Promise<boolean> {
  const { db, config } = services;
  const sql = directSql(db);
  for (const match of candidates.filter((candidate) => candidate.status === "candidate")) {
    const offersThisMonth =
      sql.get<{ n: number }>(
        "SELECT COUNT(*) AS n FROM Match WHERE expertId = ? AND offeredAt >= ?",
        match.expertId,
        sqlDate(monthStart(new Date())),
      )?.n ?? 0;
    const expert = match.expert;
    // Staff assignments go ahead whatever the expert's monthly load; the ranker's picks respect the cap.
    const overCap = match.assignedBy === "system" && offersThisMonth >= config.MONTHLY_OFFER_CAP;
    if (overCap || expert.paused || !expert.active) {
      await setMatchStatus(services, match.id, "skipped");
      continue;
    }
    // Claim the candidate first so that two workers never offer the same request twice.
    const claimed = await sql.write((tx) => {
      const now = sqlDate(new Date());
      return tx.run(
        "UPDATE Match SET status = 'offered', offeredAt = ?, updatedAt = ? WHERE id = ? AND status = 'candidate'",
        now,
        now,
        match.id,
      );
    });
    if (claimed.changes === 0) return true;
    const personId = await personIdForExpert(db, expert.id, expert.name);
    const requesterName = request.requesterName;
    const reached = await sendToPerson(services, {
      personId,
      key: `offer-${match.id}`,
      compose: (t, locale) => {
        const skills = skillLabels(request, locale);
        const problem = [skills.join(t("list.separator")), problemExcerpt(request.text)].filter(Boolean).join(" — ");
        return {
          kind: "card",
          title: t("offer.title", { code: request.code }),
          text: t("offer.text", {
            name: expert.name,
            requester: requesterName,
            code: request.code,
            problem,
            place: describePlace(t, request, locale),
            mode: t(keyIn("mode", request.mode)),
            window: describeWindow(t, request),
            reasons: renderReasons(t, match.reasons),
          }).concat(role ? `\n${t("offer.team_role", { skill: skillLabel(role, locale) })}` : ""),
          buttons: [
            { label: t("offer.accept"), value: `offer.accept:${match.id}` },
            { label: t("offer.decline"), value: `offer.decline:${match.id}` },
            { label: t("offer.later"), value: `offer.later:${match.id}` },
          ],
        };
      },
    });
    if (!reached) {
      await setMatchStatus(services, match.id, "skipped");
      continue;
    }
    await scheduleOfferTimeout(services.enqueue, config.OFFER_TIMEOUT_HOURS, match.id, new Date());
    await sql.write((tx) => {
      const now = sqlDate(new Date());
      tx.run(
        "UPDATE HelpRequest SET status = 'offered', waitReason = 'offer_unanswered', updatedAt = ? WHERE id = ?",
        now,
        request.id,
      );
      tx.run(
        "INSERT INTO RequestEvent (id, requestId, actor, type, detail, createdAt) VALUES (?, ?, 'system', 'offered', ?, ?)",
        newId(),
        request.id,
        JSON.stringify({ expert: expert.name }),
        now,
      );
    });
    return true;
  }
  return false;
}
/** No expert is left: tell the enterprise, and every staff member, once. */
async function flagUnmatched(services: Services, requestId: number): Promise<void> {
  const { db } = services;
  const request = await db.helpRequest.findUniqueOrThrow({ where: { id: requestId }, include: { matches: true } });
  const reason = request.matches.length === 0 ? "no_candidate" : "all_declined";
  const flagged = await db.helpRequest.updateMany({
    where: { id: requestId, status: { not: "unmatched" } },
    data: { status: "unmatched", waitReason: reason },
  });
  if (flagged.count === 0) return;
  await db.requestEvent.create({
    data: { requestId, actor: "system", type: "unmatched", detail: JSON.stringify({ reason }) },
  });
  const round = request.matches.length;
  const t = translate(services, asLocale(request.locale));
  await sendToChat(services, {
    chatId: request.chatId,
    key: `unmatched-${requestId}-${round}`,
    message: { kind: "text", text: t("intake.no_match", { code: request.code }) },
  });
  const staff = await db.person.findMany({ where: { role: { in: ["staff", "admin"] } } });
  for (const member of staff) {
    await sendToPerson(services, {
      personId: member.id,
      key: `unmatched-${requestId}-${round}-${member.id}`,
      compose: (st) => ({
        kind: "text",
        text: st("staff.unmatched", {
          code: request.code,
          reason: st(`reason_none.${reason}`),
          text: problemExcerpt(request.text),
        }),
      }),
    });
  }
}

export function offerJob(services: Services): JobDefinition<OfferPayload> {
  return {
    queue: offerQueue,
    concurrency: 2,
    process: async ({ requestId }) => offerNext(services, requestId),
  };
}

/** Registry entry (jobs/registry.ts): recovery hands offers claimed by a dead worker back to the candidates. */
export const offer: QueueModule<"offer"> = {
  jobId: ({ requestId, run }) => `offer-${requestId}-${run}`,
  workers: ({ services }) => [repairingOrphans(services, offerJob(services))],
  resume: ({ services }) => resumeOrphanOffers(services, services.config.JOB_LOCK_MS),
};
