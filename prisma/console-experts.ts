// Experts for the console: a page of the roster, the experts a search ranked, one profile with
// everything the programme knows of it, and staff edits.
import { monthStart } from "../core/calendar.ts";
import type { Db } from "./client.ts";

export const expertPageSize = 50;

const listFields = {
  id: true,
  externalId: true,
  name: true,
  city: true,
  teamKey: true,
  skills: true,
  honours: true,
  paused: true,
  pausedUntil: true,
  employer: true,
} as const;

/** A page of active experts by roster id, or those whose name or employer holds the words. */
export async function listExperts(db: Db, options: { teamKey?: string; words?: string; after?: string }) {
  return db.expert.findMany({
    where: {
      active: true,
      ...(options.teamKey ? { teamKey: options.teamKey } : {}),
      ...(options.words
        ? { OR: [{ name: { contains: options.words } }, { employer: { contains: options.words } }] }
        : {}),
      ...(options.after ? { externalId: { gt: options.after } } : {}),
    },
    orderBy: { externalId: "asc" },
    take: expertPageSize,
    select: listFields,
  });
}

export type ExpertListRow = Awaited<ReturnType<typeof listExperts>>[number];

/** The experts a search ranked, in the ranking's order. */
export async function expertsByIds(db: Db, ids: readonly string[]): Promise<ExpertListRow[]> {
  const rows = await db.expert.findMany({ where: { id: { in: [...ids] } }, select: listFields });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function loadExpertProfile(db: Db, externalId: string, now = new Date()) {
  const expert = await db.expert.findUnique({
    where: { externalId },
    include: {
      availability: { orderBy: [{ weekday: "asc" }, { date: "asc" }, { startMinute: "asc" }] },
      matches: {
        where: { status: { not: "candidate" } },
        orderBy: { updatedAt: "desc" },
        take: 100,
        include: { request: { select: { code: true, status: true, city: true, teamKey: true } } },
      },
      person: { select: { id: true, _count: { select: { identities: true } } } },
    },
  });
  if (!expert) return null;
  const [offersThisMonth, openOffers] = await Promise.all([
    db.match.count({
      where: {
        expertId: expert.id,
        offeredAt: { gte: monthStart(now) },
        status: { not: "candidate" },
      },
    }),
    db.match.count({ where: { expertId: expert.id, status: "offered" } }),
  ]);
  return { expert, load: { offersThisMonth, openOffers } };
}

export type ExpertProfileData = NonNullable<Awaited<ReturnType<typeof loadExpertProfile>>>;

export interface ExpertEdit {
  name: string;
  employer: string;
  title: string;
  city: string;
  district: string | null;
  teamKey: string | null;
  skills: string[];
  honours: string[];
  achievements: string;
  canOnsite: boolean;
  canRemote: boolean;
  paused: boolean;
  phone: string | null;
}

/**
 * Saves a staff edit. Unticking "paused" clears the pause's end; ticking it keeps an end still ahead and
 * drops one already passed, so that a pause staff set is not over the moment it is saved.
 */
export async function updateExpert(db: Db, externalId: string, edit: ExpertEdit, now = new Date()): Promise<void> {
  await db.$transaction([
    db.expert.update({
      where: { externalId },
      data: {
        ...edit,
        skills: JSON.stringify(edit.skills),
        honours: JSON.stringify(edit.honours),
        ...(edit.paused ? {} : { pausedUntil: null }),
      },
    }),
    db.expert.updateMany({ where: { externalId, pausedUntil: { lte: now } }, data: { pausedUntil: null } }),
  ]);
}
