// Roster rows for matching conversations: free-text profiles as real rosters write them.
import type { RosterRow } from "../../core/roster/roster-types.ts";
import type { Db } from "../../prisma/client.ts";
import { importRoster } from "../../prisma/roster/import-roster.ts";

let phone = 13900001000;

export function row(fields: Partial<RosterRow> & Pick<RosterRow, "id" | "name" | "skills">): RosterRow {
  phone++;
  return {
    row: 2,
    honours: [],
    employer: "",
    title: "高级技师",
    city: "东莞",
    district: null,
    teamKey: null,
    achievements: "",
    canOnsite: true,
    canRemote: true,
    cities: [],
    phone: String(phone),
    ...fields,
  };
}

export async function useRoster(db: Db, rows: RosterRow[]): Promise<void> {
  await importRoster(
    db,
    rows.map((r, i) => ({ ...r, row: i + 2 })),
  );
}
