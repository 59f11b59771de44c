// Writes roster rows into the Expert table, upserting by the roster's own id, in one transaction: a failure
// anywhere leaves the database as it was.

import { isErasedExpert } from "../../core/roster/erased-expert.ts";
import { RosterError } from "../../core/roster/roster-error.ts";
import type { RosterField } from "../../core/roster/roster-headers.ts";
import type { ImportCounts, RosterRow } from "../../core/roster/roster-types.ts";
import type { Db } from "../client.ts";
import type { Expert } from "../generated/client.ts";
import { ensureServiceTeams } from "./ensure-service-teams.ts";

export { ensureServiceTeams } from "./ensure-service-teams.ts";

type ExpertFields = Pick<
  Expert,
  | "name"
  | "honours"
  | "employer"
  | "title"
  | "city"
  | "district"
  | "teamKey"
  | "skills"
  | "achievements"
  | "canOnsite"
  | "canRemote"
  | "cities"
  | "phone"
  | "isDemo"
>;

function expertFields(row: RosterRow, isDemo: boolean): ExpertFields {
  return {
    name: row.name,
    honours: JSON.stringify(row.honours),
    employer: row.employer,
    title: row.title,
    city: row.city,
    district: row.district,
    teamKey: row.teamKey,
    skills: JSON.stringify(row.skills),
    achievements: row.achievements,
    canOnsite: row.canOnsite,
    canRemote: row.canRemote,
    cities: JSON.stringify(row.cities),
    phone: row.phone,
    isDemo,
  };
}

/** The expert fields each roster column fills; a column the file lacks leaves its fields alone. */
const fieldsOfColumn: Partial<Record<RosterField, (keyof ExpertFields)[]>> = {
  honours: ["honours"],
  employer: ["employer"],
  title: ["title"],
  city: ["city", "district"],
  district: ["district"],
  team: ["teamKey"],
  skills: ["skills"],
  achievements: ["achievements"],
  modes: ["canOnsite", "canRemote"],
  cities: ["cities"],
  phone: ["phone"],
};

/** The fields an update writes: all but those whose column the file did not have. */
function updatedFields(row: RosterRow, fields: ExpertFields): Partial<ExpertFields> {
  if (!row.absent?.length) return fields;
  const kept = new Set<keyof ExpertFields>();
  for (const column of row.absent) for (const field of fieldsOfColumn[column] ?? []) kept.add(field);
  // A district comes with its city too: kept only when neither column is there.
  if (!row.absent.includes("city") || !row.absent.includes("district")) kept.delete("district");
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !kept.has(key as keyof ExpertFields)));
}

const sameFields = (a: Partial<ExpertFields>, b: ExpertFields) =>
  (Object.keys(a) as (keyof ExpertFields)[]).every((key) => a[key] === b[key]);

// SQLite caps bound variables per statement; look existing experts up and create new ones in slices.
const lookupChunk = 500;

export async function importRoster(
  db: Db,
  rows: RosterRow[],
  options: { isDemo?: boolean } = {},
): Promise<ImportCounts> {
  const ids = new Set<string>();
  for (const row of rows) {
    // The reader already rejects these; rows from elsewhere must not silently overwrite each other.
    if (ids.has(row.id)) throw new RosterError("duplicate_id", row.id);
    ids.add(row.id);
  }
  const isDemo = options.isDemo ?? false;

  return db.$transaction(
    async (tx) => {
      await ensureServiceTeams(tx);
      const existing = new Map<string, Expert>();
      const idList = [...ids];
      for (let start = 0; start < idList.length; start += lookupChunk) {
        const found = await tx.expert.findMany({
          where: { externalId: { in: idList.slice(start, start + lookupChunk) } },
        });
        for (const expert of found) existing.set(expert.externalId, expert);
      }

      const counts: ImportCounts = { imported: 0, updated: 0, unchanged: 0 };
      const created: (ExpertFields & { externalId: string })[] = [];
      let erased = 0;
      for (const row of rows) {
        const fields = expertFields(row, isDemo);
        const current = existing.get(row.id);
        if (!current) {
          created.push({ externalId: row.id, ...fields });
          counts.imported++;
        } else if (isErasedExpert(current)) {
          // They asked to be forgotten: an old roster must not bring their data back.
          erased++;
        } else {
          const changes = updatedFields(row, fields);
          if (sameFields(changes, current)) counts.unchanged++;
          else {
            await tx.expert.update({ where: { id: current.id }, data: changes });
            counts.updated++;
          }
        }
      }
      if (erased) counts.erased = erased;
      // New experts go in a few statements, not one each (the demo roster on a first start, large imports).
      for (let start = 0; start < created.length; start += lookupChunk) {
        await tx.expert.createMany({ data: created.slice(start, start + lookupChunk) });
      }
      return counts;
    },
    // A roster of thousands takes longer than Prisma's five-second default.
    { maxWait: 10_000, timeout: 120_000 },
  );
}
