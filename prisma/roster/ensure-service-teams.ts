// Every expert's team must exist as a ServiceTeam row; the 16 teams of teams.json are created on demand.

import { serviceTeams } from "../../core/roster/resolve-team.ts";
import type { Prisma } from "../generated/client.ts";

/** The client itself or the client inside a transaction. */
export type DbLike = Prisma.TransactionClient;

/** Creates missing teams and refreshes their names from teams.json; returns how many teams there are. */
export async function ensureServiceTeams(db: DbLike): Promise<number> {
  // Runs at every start and import: one read, and a write only for a team that is missing or renamed.
  const stored = new Map((await db.serviceTeam.findMany()).map((row) => [row.key, row]));
  for (const team of serviceTeams) {
    const row = stored.get(team.key);
    if (row && row.nameZh === team.zh && row.nameEn === team.en) continue;
    await db.serviceTeam.upsert({
      where: { key: team.key },
      create: { key: team.key, nameZh: team.zh, nameEn: team.en },
      update: { nameZh: team.zh, nameEn: team.en },
    });
  }
  return serviceTeams.length;
}
