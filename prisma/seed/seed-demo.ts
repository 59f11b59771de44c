// Demo data for a first run: a roster of fictional experts, a staff member and a few group chats, all marked
// isDemo so they can be told apart from (and cleaned out before) real data.
import { z } from "zod";
import { englishHeaders, rosterFields } from "../../core/roster/roster-headers.ts";
import type { RawRow, RosterRow } from "../../core/roster/roster-types.ts";
import { rowsFromTable } from "../../core/roster/rows-from-table.ts";
import type { Db } from "../client.ts";
import { importRoster } from "../roster/import-roster.ts";
import demoExtras from "./demo-extras.json" with { type: "json" };
import demoRoster from "./demo-roster.json" with { type: "json" };

const demoExpert = z.object({
  id: z.string(),
  name: z.string(),
  honours: z.array(z.string()),
  employer: z.string(),
  title: z.string(),
  city: z.string(),
  district: z.string(),
  team: z.string(),
  skills: z.array(z.string()),
  achievements: z.string(),
  modes: z.string(),
  phone: z.string(),
});

const extras = z.object({
  staff: z.array(z.object({ name: z.string(), role: z.string() })),
  chats: z.array(z.object({ title: z.string(), kind: z.enum(["group", "direct"]) })),
});

/**
 * The demo roster as roster rows, read through the same rules as an imported file so that the demo cannot
 * drift from what a real roster would produce. Throws if any demo row would be rejected.
 */
export function demoRosterRows(): RosterRow[] {
  const experts = z.array(demoExpert).parse(demoRoster);
  const table: RawRow[] = [
    { row: 1, cells: rosterFields.map((field) => englishHeaders[field]) },
    ...experts.map((expert, index) => ({
      row: index + 2,
      cells: rosterFields.map((field) => {
        const value = field === "cities" ? [] : expert[field];
        return Array.isArray(value) ? value.join(";") : value;
      }),
    })),
  ];
  const { rows, rejected } = rowsFromTable(table);
  if (rejected.length > 0) throw new Error(`demo roster has invalid rows: ${JSON.stringify(rejected)}`);
  return rows;
}

/**
 * Seeds the demo data when the Expert table is empty; otherwise does nothing and returns seeded: false.
 * `experts` is the number of demo experts written.
 */
export async function seedDemoData(db: Db): Promise<{ experts: number; seeded: boolean }> {
  if ((await db.expert.count()) > 0) return { experts: 0, seeded: false };
  const { staff, chats } = extras.parse(demoExtras);

  // Staff and chats are upserts and go first: the experts, written last in one transaction, mark the seed as done.
  for (const member of staff) {
    const identity = await db.identity.findUnique({
      where: { platform_externalId: { platform: "terminal", externalId: member.name } },
    });
    if (identity) continue;
    await db.person.create({
      data: {
        displayName: member.name,
        role: member.role,
        isDemo: true,
        identities: { create: { platform: "terminal", externalId: member.name, displayName: member.name } },
      },
    });
  }
  for (const chat of chats) {
    await db.chat.upsert({
      where: { platform_externalId: { platform: "terminal", externalId: chat.title } },
      create: { platform: "terminal", externalId: chat.title, kind: chat.kind, title: chat.title, isDemo: true },
      update: {},
    });
  }

  const counts = await importRoster(db, demoRosterRows(), { isDemo: true });
  return { experts: counts.imported, seeded: true };
}
