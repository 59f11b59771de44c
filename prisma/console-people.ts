// Who `craftbridge console-link NAME` means: a name in TERMINAL_STAFF, ADMINS or STAFF, a platform id
// (or platform:id), or the display name of someone already made staff in the chat.
import type { Config } from "../core/config.ts";
import type { Db } from "./client.ts";
import { isStaff, type Role } from "./people.ts";

export interface StaffMember {
  personId: string;
  displayName: string;
  role: Role;
}

const staffRoles = ["staff", "admin", "team_leader"];

/** The staff member NAME names, or null when it names nobody on the staff. */
export async function findStaffMember(db: Db, config: Config, name: string): Promise<StaffMember | null> {
  const wanted = name.trim();
  if (!wanted) return null;
  const [platform, ...rest] = wanted.split(":");
  const identity = await db.identity.findFirst({
    where: rest.length ? { platform, externalId: rest.join(":") } : { externalId: wanted },
    include: { person: true },
  });
  const configured: Role | null = config.ADMINS.includes(wanted)
    ? "admin"
    : config.STAFF.includes(wanted) || config.TERMINAL_STAFF.includes(wanted)
      ? "staff"
      : null;
  if (identity) {
    const { person } = identity;
    if (isStaff(person.role as Role))
      return { personId: person.id, displayName: person.displayName, role: person.role as Role };
    if (!configured) return null;
    // Configuration raises a role, as it does when the person speaks (prisma/people.ts).
    await db.person.update({ where: { id: person.id }, data: { role: configured, roleBeforeConfig: person.role } });
    return { personId: person.id, displayName: person.displayName, role: configured };
  }
  const byName = await db.person.findFirst({
    where: { displayName: wanted, role: { in: staffRoles } },
    orderBy: { createdAt: "asc" },
  });
  if (byName) return { personId: byName.id, displayName: byName.displayName, role: byName.role as Role };
  if (!configured) return null;
  // Staff named in the configuration who never spoke yet: the person the terminal will find by name too.
  const created = await db.person.create({
    data: { displayName: wanted, role: configured, roleBeforeConfig: "enterprise" },
  });
  return { personId: created.id, displayName: created.displayName, role: configured };
}
