// Login links and browser sessions of the staff console. Tokens leave this file only in the clear for
// the one who gets them; the database keeps their SHA-256, so a copy of it opens nothing.
import { createHash, randomBytes } from "node:crypto";
import { isLocale } from "../core/i18n.ts";
import type { Db } from "./client.ts";
import { isStaff, type Role, type Speaker } from "./people.ts";

export const linkLifetimeMs = 15 * 60 * 1000;
export const sessionLifetimeMs = 12 * 3600 * 1000;

function hash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function newToken(): string {
  return randomBytes(24).toString("base64url");
}

/** A one-time login token for a staff member, valid for 15 minutes. */
export async function createConsoleLink(db: Db, personId: string, now = new Date()): Promise<string> {
  const token = newToken();
  await db.consoleLink.create({
    data: { tokenHash: hash(token), personId, expiresAt: new Date(now.getTime() + linkLifetimeMs) },
  });
  return token;
}

export interface NewSession {
  token: string;
  expiresAt: Date;
}

/**
 * Uses a login token once: a session for its staff member, or null when the token is unknown, used,
 * expired, or its owner is no longer staff. Two redemptions at once: only one marks it used.
 */
export async function redeemConsoleLink(db: Db, token: string, now = new Date()): Promise<NewSession | null> {
  const tokenHash = hash(token);
  const used = await db.consoleLink.updateMany({
    where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (used.count !== 1) return null;
  const link = await db.consoleLink.findUnique({ where: { tokenHash }, include: { person: true } });
  if (!link || !isStaff(link.person.role as Role)) return null;
  const session = newToken();
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  await db.consoleSession.create({
    data: { idHash: hash(session), personId: link.personId, csrf: newToken(), expiresAt },
  });
  return { token: session, expiresAt };
}

export interface ConsoleViewer extends Speaker {
  csrf: string;
  sessionExpiresAt: Date;
}

/**
 * The staff member behind a session cookie, or null. A session outlives neither its expiry nor its
 * owner's staff role: both end it for good.
 */
export async function viewerOfSession(db: Db, token: string, now = new Date()): Promise<ConsoleViewer | null> {
  const idHash = hash(token);
  const session = await db.consoleSession.findUnique({ where: { idHash }, include: { person: true } });
  if (!session) return null;
  const { person } = session;
  if (session.expiresAt <= now || !isStaff(person.role as Role)) {
    await db.consoleSession.deleteMany({ where: { idHash } });
    return null;
  }
  return {
    personId: person.id,
    displayName: person.displayName,
    role: person.role as Role,
    expertId: person.expertId,
    locale: isLocale(person.locale) ? person.locale : null,
    phone: person.phone,
    staffTeamKey: person.staffTeamKey,
    csrf: session.csrf,
    sessionExpiresAt: session.expiresAt,
  };
}

/** Logs a browser out. */
export async function endConsoleSession(db: Db, token: string): Promise<void> {
  await db.consoleSession.deleteMany({ where: { idHash: hash(token) } });
}

/** Ends every console session of people who are no longer staff (a removal in the chat). */
export async function revokeNonStaffSessions(db: Db): Promise<number> {
  const removed = await db.consoleSession.deleteMany({
    where: { person: { role: { notIn: ["staff", "admin", "team_leader"] } } },
  });
  return removed.count;
}

/** Remembers the console language a staff member picked, as the chat remembers theirs. */
export async function setViewerLocale(db: Db, personId: string, locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  await db.person.update({ where: { id: personId }, data: { locale } });
}
