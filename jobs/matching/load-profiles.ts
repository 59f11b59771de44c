// ExpertProfile[] from the database: experts with their availability, offer load and past outcomes.

import type { AvailabilitySlot } from "../../handlers/understanding/types.ts";
import type { Db } from "../../prisma/client.ts";
import { jsonList } from "../../prisma/json-list.ts";
import { shanghaiDate } from "./availability-fit.ts";
import type { ExpertLoad, ExpertOutcomes, ExpertProfile } from "./types.ts";

/** The first instant of the current calendar month in Asia/Shanghai. */
export function monthStart(now: Date): Date {
  const month = shanghaiDate(now).slice(0, 7);
  return new Date(`${month}-01T00:00:00+08:00`);
}

const emptyLoad = (): ExpertLoad => ({ openOffers: 0, offersThisMonth: 0 });
const emptyOutcomes = (): ExpertOutcomes => ({ accepted: 0, declined: 0, solved: 0, ratingSum: 0, ratingCount: 0 });

/**
 * Profiles of every expert, or of the given ones (paused and inactive ones too: the ranker skips them,
 * the index keeps them).
 */
export async function loadExpertProfiles(db: Db, now: Date, expertIds?: readonly string[]): Promise<ExpertProfile[]> {
  const today = shanghaiDate(now);
  const only = expertIds ? { id: { in: [...expertIds] } } : {};
  const [experts, matches] = await Promise.all([
    db.expert.findMany({ where: only, include: { availability: true }, orderBy: { externalId: "asc" } }),
    db.match.findMany({
      where: {
        status: { in: ["offered", "accepted", "declined", "expired"] },
        ...(expertIds ? { expertId: { in: [...expertIds] } } : {}),
      },
      select: {
        expertId: true,
        status: true,
        offeredAt: true,
        outcome: true,
        rating: true,
        request: { select: { status: true } },
      },
    }),
  ]);
  const start = monthStart(now);
  const loads = new Map<string, ExpertLoad>();
  const outcomes = new Map<string, ExpertOutcomes>();
  for (const match of matches) {
    const load = loads.get(match.expertId) ?? emptyLoad();
    const outcome = outcomes.get(match.expertId) ?? emptyOutcomes();
    if (match.status === "offered") load.openOffers++;
    if (match.offeredAt && match.offeredAt >= start) load.offersThisMonth++;
    if (match.status === "declined") outcome.declined++;
    if (match.status === "accepted") {
      outcome.accepted++;
      if (match.outcome === "solved" || match.request.status === "closed") outcome.solved++;
      if (match.rating !== null && match.rating >= 1 && match.rating <= 5) {
        outcome.ratingSum += match.rating;
        outcome.ratingCount++;
      }
    }
    loads.set(match.expertId, load);
    outcomes.set(match.expertId, outcome);
  }
  return experts.map((expert) => {
    const slots: AvailabilitySlot[] = expert.availability
      .filter((slot) => !slot.validUntil || slot.validUntil >= today)
      .filter((slot) => !slot.date || slot.date >= today)
      .map((slot) => ({
        weekday: slot.weekday,
        date: slot.date,
        startMinute: slot.startMinute,
        endMinute: slot.endMinute,
      }));
    return {
      id: expert.id,
      externalId: expert.externalId,
      name: expert.name,
      honours: jsonList(expert.honours),
      employer: expert.employer,
      title: expert.title,
      city: expert.city,
      district: expert.district,
      teamKey: expert.teamKey,
      skills: jsonList(expert.skills),
      achievements: expert.achievements,
      canOnsite: expert.canOnsite,
      canRemote: expert.canRemote,
      cities: jsonList(expert.cities),
      slots,
      paused: expert.paused,
      active: expert.active,
      load: loads.get(expert.id) ?? emptyLoad(),
      outcomes: outcomes.get(expert.id) ?? emptyOutcomes(),
    };
  });
}
