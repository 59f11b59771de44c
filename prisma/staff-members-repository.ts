// The people `/staff` names and changes: found by platform id or name, listed by role, given a role.
// Admin commands, rare, so plain Prisma.
import type { Db } from "./client.ts";
import type { Identity, Person } from "./generated/client.ts";
import type { Role } from "./people.ts";

/**
 * The people `who` names: the owners of the account with that platform id (`platform:id` or the id alone),
 * then the people with that display name on themselves or on one of their accounts. A person may come twice.
 */
export async function peopleNamed(db: Db, who: string): Promise<Person[]> {
  const [platform, ...rest] = who.split(":");
  const byId = await db.identity.findMany({
    where: rest.length ? { platform, externalId: rest.join(":") } : { externalId: who },
    include: { person: true },
  });
  const byName = await db.person.findMany({
    where: { OR: [{ displayName: who }, { identities: { some: { displayName: who } } }] },
  });
  return [...byId.map((identity) => identity.person), ...byName];
}

/** The person with this id; throws when there is none. */
export function personWithId(db: Db, id: string): Promise<Person> {
  return db.person.findUniqueOrThrow({ where: { id } });
}

/** The people holding any of `roles`, by role then name. */
export function peopleInRoles(db: Db, roles: readonly Role[]): Promise<Person[]> {
  return db.person.findMany({
    where: { role: { in: [...roles] } },
    orderBy: [{ role: "asc" }, { displayName: "asc" }],
  });
}

/** Every account of these people. */
export function identitiesOf(db: Db, personIds: readonly string[]): Promise<Identity[]> {
  return db.identity.findMany({ where: { personId: { in: [...personIds] } } });
}

/** How many people hold `role`. */
export function countWithRole(db: Db, role: Role): Promise<number> {
  return db.person.count({ where: { role } });
}

/**
 * Gives the person `role`, with the service team a team leader leads (null for any other role). A role
 * given in the chat is the chat's: configuration no longer takes it back.
 */
export async function setRole(db: Db, personId: string, role: Role, staffTeamKey: string | null): Promise<void> {
  await db.person.update({ where: { id: personId }, data: { role, staffTeamKey, roleBeforeConfig: null } });
}
