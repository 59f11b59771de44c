// Where a person's recent requests were: a second request minutes after the first keeps its city.
import type { Db } from "./client.ts";

/** The city and district of the person's latest request since `since` that has a city, or null. */
export async function recentRequestPlace(
  db: Db,
  requesterId: string,
  since: Date,
): Promise<{ city: string; district: string | null } | null> {
  const row = await db.helpRequest.findFirst({
    where: { requesterId, city: { not: null }, createdAt: { gte: since }, status: { not: "closed" } },
    orderBy: { id: "desc" },
    select: { city: true, district: true },
  });
  return row?.city ? { city: row.city, district: row.district } : null;
}
