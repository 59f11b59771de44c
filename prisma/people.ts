// Who is speaking, and how to reach a person privately.

import type { Config, Platform } from "../core/config.ts";
import { isLocale, type Locale } from "../core/i18n.ts";
import type { IncomingMessage, Target } from "../core/messages.ts";
import { type Db, directSql } from "./client.ts";
import { builder, prepared } from "./sql/builder.ts";
import { newId, sqlDate } from "./sql/values.ts";

export type Role = "enterprise" | "expert" | "staff" | "admin" | "team_leader";

export interface Speaker {
  personId: string;
  displayName: string;
  role: Role;
  expertId: string | null;
  locale: Locale | null;
  phone: string | null;
  /** The service team a team leader looks after. */
  staffTeamKey: string | null;
}

const staffRoles: ReadonlySet<Role> = new Set(["staff", "admin", "team_leader"]);

export function isStaff(role: Role): boolean {
  return staffRoles.has(role);
}

// Configuration raises a role, and gives back only what it raised: someone made admin in the chat stays admin.
const roleRank: Record<Role, number> = { enterprise: 0, expert: 0, team_leader: 1, staff: 2, admin: 3 };

/**
 * The role ADMINS or STAFF give a sender: a platform id (or `platform:id`) on any platform, and also
 * the name in the terminal, where names are all there is. Names elsewhere can be copied, so they do not count.
 */
export function configuredRole(
  config: Config,
  message: Pick<IncomingMessage, "platform" | "senderId" | "senderName">,
): "admin" | "staff" | null {
  const keys = [message.senderId, `${message.platform}:${message.senderId}`];
  if (message.platform === "terminal") keys.push(message.senderName);
  if (keys.some((key) => config.ADMINS.includes(key))) return "admin";
  if (keys.some((key) => config.STAFF.includes(key))) return "staff";
  return null;
}

const configuredRank: Record<"admin" | "staff", number> = { staff: 1, admin: 2 };

/**
 * The highest role the configuration gives any of a person's accounts; a person without any account
 * (made staff by `craftbridge console-link NAME` before speaking) counts by their name.
 */
export function configuredRoleOfPerson(
  config: Config,
  person: { displayName: string; identities: { platform: string; externalId: string; displayName: string }[] },
): "admin" | "staff" | null {
  const roles = person.identities.map((identity) =>
    configuredRole(config, {
      platform: identity.platform as Platform,
      senderId: identity.externalId,
      senderName: identity.displayName,
    }),
  );
  if (person.identities.length === 0) {
    const name = person.displayName;
    if (config.ADMINS.includes(name)) roles.push("admin");
    else if (config.STAFF.includes(name) || config.TERMINAL_STAFF.includes(name)) roles.push("staff");
  }
  let best: "admin" | "staff" | null = null;
  for (const role of roles) if (role && (!best || configuredRank[role] > configuredRank[best])) best = role;
  return best;
}

/** A stored role and, when configuration raised it, the role it raised from. */
export interface StoredRole {
  role: Role;
  roleBeforeConfig: Role | null;
}

/**
 * What the configuration makes of a stored role now: raised (remembering the role before), lowered to
 * what the configuration still gives, or given back when the configuration no longer names the person.
 * Null when nothing changes. A role given in the chat (`/staff`) has no role before and is left alone.
 */
export function roleUnderConfiguration(stored: StoredRole, configured: "admin" | "staff" | null): StoredRole | null {
  if (configured && roleRank[configured] > roleRank[stored.role]) {
    return { role: configured, roleBeforeConfig: stored.roleBeforeConfig ?? stored.role };
  }
  if (stored.roleBeforeConfig === null || configured === stored.role) return null;
  if (configured && roleRank[configured] > roleRank[stored.roleBeforeConfig]) {
    return { role: configured, roleBeforeConfig: stored.roleBeforeConfig };
  }
  return { role: stored.roleBeforeConfig, roleBeforeConfig: null };
}

/**
 * Finds or creates the person behind a message's sender. In the terminal, where names are all there
 * is, a name listed in TERMINAL_STAFF speaks as staff and a roster expert's name speaks as that expert.
 */
export async function resolveSpeaker(db: Db, config: Config, message: IncomingMessage): Promise<Speaker> {
  const sql = directSql(db);
  const byIdentity = speakerByIdentity(message.platform, message.senderId);
  let known = await sql.first(byIdentity);
  if (!known) {
    // A first message: rare, so the ordinary Prisma path, which also looks up roster experts and staff.
    const personId = await personForNewIdentity(db, config, message);
    await db.identity.upsert({
      where: { platform_externalId: { platform: message.platform, externalId: message.senderId } },
      create: { platform: message.platform, externalId: message.senderId, displayName: message.senderName, personId },
      update: {},
    });
    known = await sql.first(byIdentity);
    if (!known) throw new Error(`identity ${message.platform}:${message.senderId} not stored`);
  }
  const row = known;
  const renamed = Boolean(message.senderName) && row.identityName !== message.senderName;
  const stored = { role: row.role as Role, roleBeforeConfig: row.roleBeforeConfig as Role | null };
  let changed = roleUnderConfiguration(stored, configuredRole(config, message));
  if (changed && roleRank[changed.role] < roleRank[stored.role]) {
    // Rare: before taking a role back, ask about every account of the person, not only this one.
    const identities = await sql.many(accountsOf(row.personId));
    changed = roleUnderConfiguration(
      stored,
      configuredRoleOfPerson(config, { displayName: row.displayName, identities }),
    );
  }
  if (renamed || changed) {
    await sql.write(async (tx) => {
      if (renamed) {
        await tx.execute(
          builder.updateTable("Identity").set({ displayName: message.senderName }).where("id", "=", row.identityId),
        );
      }
      if (changed) {
        // The service team stays: a team leader made admin for a while leads it again afterwards.
        await tx.execute(builder.updateTable("Person").set(changed).where("id", "=", row.personId));
      }
    });
  }
  return {
    personId: row.personId,
    displayName: row.displayName,
    role: changed ? changed.role : (row.role as Role),
    expertId: row.expertId,
    locale: isLocale(row.locale) ? row.locale : null,
    phone: row.phone,
    staffTeamKey: row.staffTeamKey,
  };
}

const speakerByIdentity = prepared((platform: string, externalId: string) =>
  builder
    .selectFrom("Identity as i")
    .innerJoin("Person as p", "p.id", "i.personId")
    .select([
      "i.id as identityId",
      "i.displayName as identityName",
      "p.id as personId",
      "p.displayName",
      "p.role",
      "p.expertId",
      "p.locale",
      "p.phone",
      "p.staffTeamKey",
      "p.roleBeforeConfig",
    ])
    .where("i.platform", "=", platform)
    .where("i.externalId", "=", externalId),
);

async function personForNewIdentity(db: Db, config: Config, message: IncomingMessage): Promise<string> {
  const name = message.senderName;
  if (message.platform === "terminal") {
    if (config.TERMINAL_STAFF.includes(name)) {
      const staff = await db.person.findFirst({ where: { displayName: name, role: { in: ["staff", "admin"] } } });
      if (staff) return staff.id;
      return (await db.person.create({ data: { displayName: name, role: "staff" } })).id;
    }
    const expert = await db.expert.findFirst({ where: { name, active: true }, orderBy: { createdAt: "asc" } });
    if (expert) return personIdForExpert(db, expert.id, expert.name);
  }
  return (await db.person.create({ data: { displayName: name || message.senderId, role: "enterprise" } })).id;
}

const accountsOf = prepared((personId: string) =>
  builder.selectFrom("Identity").select(["platform", "externalId", "displayName"]).where("personId", "=", personId),
);

const personByExpert = prepared((expertId: string) =>
  builder.selectFrom("Person").select("id").where("expertId", "=", expertId),
);

/** The person record of a roster expert, created on first need. */
export async function personIdForExpert(db: Db, expertId: string, name: string): Promise<string> {
  // Every offer asks this: plain SQL (prisma/direct-sql.ts).
  const sql = directSql(db);
  const byExpert = personByExpert(expertId);
  const existing = await sql.first(byExpert);
  if (existing) return existing.id;
  return sql.write(async (tx) => {
    await tx.execute(
      builder
        .insertInto("Person")
        .values({ id: newId(), displayName: name, role: "expert", expertId, isDemo: 0, createdAt: sqlDate(new Date()) })
        .onConflict((conflict) => conflict.column("expertId").doNothing()),
    );
    const person = await tx.first(byExpert);
    if (!person) throw new Error(`person of expert ${expertId} not stored`);
    return person.id;
  });
}

const identitiesOf = prepared((personId: string) =>
  builder
    .selectFrom("Identity")
    .select(["platform", "externalId"])
    .where("personId", "=", personId)
    .orderBy("createdAt"),
);

const localeOf = prepared((personId: string) =>
  builder.selectFrom("Person").select("locale").where("id", "=", personId),
);

/**
 * Where to send a person a private message: an identity on the preferred platform, else on any
 * platform this deployment talks on. In the terminal a person is reachable by name, so an expert
 * who never spoke gets a terminal identity under their own name.
 */
export async function reachPerson(
  db: Db,
  personId: string,
  platforms: readonly Platform[],
  preferred?: Platform,
): Promise<Target | null> {
  const sql = directSql(db);
  const identities = await sql.many(identitiesOf(personId));
  const usable = identities.filter((identity) => platforms.includes(identity.platform as Platform));
  const chosen = usable.find((identity) => identity.platform === preferred) ?? usable[0];
  if (chosen) return { platform: chosen.platform as Platform, kind: "user", id: chosen.externalId };
  if (!platforms.includes("terminal")) return null;
  const person = await sql.first(builder.selectFrom("Person").select("displayName").where("id", "=", personId));
  if (!person) throw new Error(`person ${personId} does not exist`);
  const name = person.displayName;
  const owner = await sql.write(async (tx) => {
    await tx.execute(
      builder
        .insertInto("Identity")
        .values({
          id: newId(),
          platform: "terminal",
          externalId: name,
          displayName: name,
          personId,
          createdAt: sqlDate(new Date()),
        })
        .onConflict((conflict) => conflict.columns(["platform", "externalId"]).doNothing()),
    );
    return tx.first(
      builder
        .selectFrom("Identity")
        .select("personId")
        .where("platform", "=", "terminal")
        .where("externalId", "=", name),
    );
  });
  // Someone else already speaks under that name in the terminal.
  if (owner?.personId !== personId) return null;
  return { platform: "terminal", kind: "user", id: name };
}

/** The locale a person last wrote in, or null. */
export async function personLocale(db: Db, personId: string): Promise<Locale | null> {
  const person = await directSql(db).first(localeOf(personId));
  return isLocale(person?.locale) ? person.locale : null;
}

/** Remembers the language a person writes in. */
export async function setPersonLocale(db: Db, personId: string, locale: Locale): Promise<void> {
  await directSql(db).write(async (tx) =>
    tx.execute(builder.updateTable("Person").set({ locale }).where("id", "=", personId)),
  );
}

/** The ids a person has on one platform, oldest first. */
export async function identityIdsOn(db: Db, personId: string, platform: string): Promise<string[]> {
  const identities = await db.identity.findMany({
    where: { personId, platform },
    select: { externalId: true },
    orderBy: { createdAt: "asc" },
  });
  return identities.map((identity) => identity.externalId);
}

/** The people who hold any of `roles`. */
export async function peopleWithRoles(db: Db, roles: readonly Role[]): Promise<{ id: string }[]> {
  return db.person.findMany({ where: { role: { in: [...roles] } }, select: { id: true } });
}
