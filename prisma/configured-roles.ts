// Roles that ADMINS and STAFF gave, checked against the configuration at start: someone no longer named
// there goes back to the role they had, and their console sessions end, before anyone speaks or clicks.
import type { Config } from "../core/config.ts";
import type { Db } from "./client.ts";
import { revokeNonStaffSessions } from "./console-sessions.ts";
import { configuredRoleOfPerson, type Role, roleUnderConfiguration } from "./people.ts";

/** Gives back every role the configuration no longer gives; returns how many people changed. */
export async function applyConfiguredRoles(db: Db, config: Config): Promise<number> {
  const raised = await db.person.findMany({
    where: { roleBeforeConfig: { not: null } },
    select: {
      id: true,
      displayName: true,
      role: true,
      roleBeforeConfig: true,
      identities: { select: { platform: true, externalId: true, displayName: true } },
    },
  });
  let changedCount = 0;
  for (const person of raised) {
    const changed = roleUnderConfiguration(
      { role: person.role as Role, roleBeforeConfig: person.roleBeforeConfig as Role | null },
      configuredRoleOfPerson(config, person),
    );
    if (!changed) continue;
    await db.person.update({ where: { id: person.id }, data: changed });
    changedCount += 1;
  }
  await revokeNonStaffSessions(db);
  return changedCount;
}
