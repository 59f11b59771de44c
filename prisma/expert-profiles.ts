// Expert rows as staff searches show them, by database id.
import type { Db } from "./client.ts";
import type { Expert } from "./generated/client.ts";

/** The experts with these ids, in the order of the ids (ids that no longer exist are left out). */
export async function expertsByIds(db: Db, ids: readonly string[]): Promise<Expert[]> {
  if (ids.length === 0) return [];
  const rows = await db.expert.findMany({ where: { id: { in: [...ids] } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)).filter((row): row is Expert => row !== undefined);
}

/** Active experts whose name or employer holds the words, in roster-id order. */
export function expertsByNameOrEmployer(db: Db, words: string): Promise<Expert[]> {
  return db.expert.findMany({
    where: { active: true, OR: [{ name: { contains: words } }, { employer: { contains: words } }] },
    orderBy: { externalId: "asc" },
  });
}
