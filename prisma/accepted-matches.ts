// The experts who accepted a request: staff who step in after an introduction replace them.
import type { MatchStatus } from "../core/statuses.ts";
import type { Db } from "./client.ts";

export async function acceptedMatchesFor(
  db: Db,
  requestId: number,
): Promise<{ id: string; expertId: string; expertName: string }[]> {
  const accepted: MatchStatus = "accepted";
  const rows = await db.match.findMany({
    where: { requestId, status: accepted },
    select: { id: true, expertId: true, expert: { select: { name: true } } },
  });
  return rows.map((row) => ({ id: row.id, expertId: row.expertId, expertName: row.expert.name }));
}
