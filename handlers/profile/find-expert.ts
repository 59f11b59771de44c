// An expert named the way staff name them: by roster id (D001, d001) or by name, whole or in part.
import type { Db } from "../../prisma/client.ts";
import { expertByRosterIdOrName, expertsWithNameContaining } from "../../prisma/expert-records.ts";
import type { Expert } from "../../prisma/generated/client.ts";

export type ExpertLookup = { kind: "one"; expert: Expert } | { kind: "several"; experts: Expert[] } | { kind: "none" };

export async function findExpert(db: Db, who: string): Promise<ExpertLookup> {
  const text = who.trim();
  if (!text) return { kind: "none" };
  const exact = await expertByRosterIdOrName(db, text);
  if (exact) return { kind: "one", expert: exact };
  const partial = await expertsWithNameContaining(db, text, 10);
  const [only] = partial;
  if (only && partial.length === 1) return { kind: "one", expert: only };
  return partial.length > 1 ? { kind: "several", experts: partial } : { kind: "none" };
}
