// One request for the console's request page: the request, its timeline, its candidates and who asked.
import type { Db } from "./client.ts";

export async function loadRequestPage(db: Db, code: string) {
  return db.helpRequest.findUnique({
    where: { code },
    include: {
      events: { orderBy: { createdAt: "asc" } },
      matches: {
        orderBy: [{ rank: "asc" }, { score: "desc" }],
        include: { expert: { select: { externalId: true, name: true, teamKey: true, city: true } } },
      },
      chat: { select: { title: true, platform: true, kind: true } },
      requester: { select: { displayName: true } },
      enterprise: { select: { name: true } },
    },
  });
}

export type RequestPageData = NonNullable<Awaited<ReturnType<typeof loadRequestPage>>>;

/** The team a request belongs to, for a team leader's check before an action. */
export async function requestTeam(db: Db, code: string): Promise<{ found: boolean; teamKey: string | null }> {
  const row = await db.helpRequest.findUnique({ where: { code }, select: { teamKey: true } });
  return { found: row !== null, teamKey: row?.teamKey ?? null };
}
