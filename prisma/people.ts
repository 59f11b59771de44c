// Who is speaking, and how to reach a person privately.

import type { Config, Platform } from "../core/config.ts";
import { isLocale, type Locale } from "../core/i18n.ts";
import type { IncomingMessage, Target } from "../core/messages.ts";
import { type Db, directSql } from "./client.ts";
import { newId, sqlDate } from "./direct-sql.ts";

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

// Configuration only ever raises a role; a lower configured role never demotes someone made admin in the chat.
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

/**
 * Finds or creates the person behind a message's sender. In the terminal, where names are all there
 * is, a name listed in TERMINAL_STAFF speaks as staff and a roster expert's name speaks as that expert.
 */
export async function resolveSpeaker(db: Db, config: Config, message: IncomingMessage): Promise<Speaker> {
  const sql = directSql(db);
  let known = sql.get<SpeakerRow>(speakerByIdentity, message.platform, message.senderId);
  if (!known) {
    // A first message: rare, so the ordinary Prisma path, which also looks up roster experts and staff.
    const personId = await personForNewIdentity(db, config, message);
    await db.identity.upsert({
      where: { platform_externalId: { platform: message.platform, externalId: message.senderId } },
      create: { platform: message.platform, externalId: message.senderId, displayName: message.senderName, personId },
      update: {},
    });
    known = sql.get<SpeakerRow>(speakerByIdentity, message.platform, message.senderId);
    if (!known) throw new Error(`identity ${message.platform}:${message.senderId} not stored`);
  }
  const row = known;
  const renamed = Boolean(message.senderName) && row.identityName !== message.senderName;
  const configured = configuredRole(config, message);
  const raised = configured !== null && roleRank[configured] > roleRank[row.role as Role];
  if (renamed || raised) {
    await sql.write((tx) => {
      if (renamed) tx.run("UPDATE Identity SET displayName = ? WHERE id = ?", message.senderName, row.identityId);
      if (raised) tx.run("UPDATE Person SET role = ?, staffTeamKey = NULL WHERE id = ?", configured, row.personId);
    });
  }
  return {
    personId: row.personId,
    displayName: row.displayName,
    role: (raised ? configured : row.role) as Role,
    expertId: row.expertId,
    locale: isLocale(row.locale) ? row.locale : null,
    phone: row.phone,
    staffTeamKey: raised ? null : row.staffTeamKey,
  };
}

interface SpeakerRow {
  identityId: string;
  identityName: string;
  personId: string;
  displayName: string;
  role: string;
  expertId: string | null;
  locale: string | null;
  phone: string | null;
  staffTeamKey: string | null;
}

const speakerByIdentity = `SELECT i.id AS identityId, i.displayName AS identityName, p.id AS personId, p.displayName,
  p.role, p.expertId, p.locale, p.phone, p.staffTeamKey
  FROM Identity i JOIN Person p ON p.id = i.personId WHERE i.platform = ? AND i.externalId = ?`;

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

/** The person record of a roster expert, created on first need. */
export async function personIdForExpert(db: Db, expertId: string, name: string): Promise<string> {
  // Every offer asks this: plain SQL (prisma/direct-sql.ts).
  const sql = directSql(db);
  const byExpert = "SELECT id FROM Person WHERE expertId = ?";
  const existing = sql.get<{ id: string }>(byExpert, expertId);
  if (existing) return existing.id;
  return sql.write((tx) => {
    tx.run(
      `INSERT INTO Person (id, displayName, role, expertId, isDemo, createdAt) VALUES (?, ?, 'expert', ?, 0, ?)
       ON CONFLICT (expertId) DO NOTHING`,
      newId(),
      name,
      expertId,
      sqlDate(new Date()),
    );
    const person = tx.get<{ id: string }>(byExpert, expertId);
    if (!person) throw new Error(`person of expert ${expertId} not stored`);
    return person.id;
  });
}

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
  const identities = sql.all<{ platform: string; externalId: string }>(
    "SELECT platform, externalId FROM Identity WHERE personId = ? ORDER BY createdAt ASC",
    personId,
  );
  const usable = identities.filter((identity) => platforms.includes(identity.platform as Platform));
  const chosen = usable.find((identity) => identity.platform === preferred) ?? usable[0];
  if (chosen) return { platform: chosen.platform as Platform, kind: "user", id: chosen.externalId };
  if (!platforms.includes("terminal")) return null;
  const person = sql.get<{ displayName: string }>("SELECT displayName FROM Person WHERE id = ?", personId);
  if (!person) throw new Error(`person ${personId} does not exist`);
  const name = person.displayName;
  const owner = await sql.write((tx) => {
    tx.run(
      `INSERT INTO Identity (id, platform, externalId, displayName, personId, createdAt) VALUES (?, 'terminal', ?, ?, ?, ?)
       ON CONFLICT (platform, externalId) DO NOTHING`,
      newId(),
      name,
      name,
      personId,
      sqlDate(new Date()),
    );
    return tx.get<{ personId: string }>(
      "SELECT personId FROM Identity WHERE platform = 'terminal' AND externalId = ?",
      name,
    );
  });
  // Someone else already speaks under that name in the terminal.
  if (owner?.personId !== personId) return null;
  return { platform: "terminal", kind: "user", id: name };
}
