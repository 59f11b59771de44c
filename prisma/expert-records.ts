// An expert's own roster row as the chat reads and corrects it: look-ups by id or by how staff name them,
// and the fields an expert may change themselves (city, phone, employer, title, cities, skills, consent, pause).
import type { Db } from "./client.ts";
import type { Expert } from "./generated/client.ts";

/** The expert with this id; throws when it no longer exists. */
export function expertById(db: Db, id: string): Promise<Expert> {
  return db.expert.findUniqueOrThrow({ where: { id } });
}

/** The expert whose roster id (as written or upper-cased) or whole name is `text`, active ones first. */
export function expertByRosterIdOrName(db: Db, text: string): Promise<Expert | null> {
  return db.expert.findFirst({
    where: { OR: [{ externalId: text }, { externalId: text.toUpperCase() }, { name: text }] },
    orderBy: [{ active: "desc" }, { createdAt: "asc" }],
  });
}

/** Up to `take` experts whose name holds `text`, in roster-id order. */
export function expertsWithNameContaining(db: Db, text: string, take: number): Promise<Expert[]> {
  return db.expert.findMany({ where: { name: { contains: text } }, orderBy: { externalId: "asc" }, take });
}

/** The fields of their own profile an expert may correct in the chat. */
export type ExpertSelfEdit = Partial<
  Pick<Expert, "city" | "district" | "phone" | "employer" | "title" | "cities" | "skills" | "paused">
>;

export async function updateExpertProfile(db: Db, id: string, data: ExpertSelfEdit): Promise<void> {
  await db.expert.update({ where: { id }, data });
}

/** Records the expert's consent to be contacted, at `at`. */
export async function recordExpertConsent(db: Db, id: string, at: Date): Promise<void> {
  await db.expert.update({ where: { id }, data: { consentAt: at } });
}
