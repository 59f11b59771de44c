// The monthly report for reporting upward, per service team and city. What happened in the month counts
// in it: requests registered, offers made, offers accepted, requests introduced. Outcomes and ratings
// belong to the month's introductions, so a late answer to the follow-up still lands in the right month.

import type { TimeRange } from "../../core/calendar.ts";
import { serviceTeams } from "../../core/roster/resolve-team.ts";
import type { Db } from "../../prisma/client.ts";
import { monthActivity, type RequestPlace } from "../../prisma/staff-figures.ts";

export interface ReportRow {
  team: string | null;
  city: string | null;
  requests: number;
  offers: number;
  accepted: number;
  introduced: number;
  solved: number;
  /** Average 1–5 rating, or null when no introduction of the month was rated. */
  rating: number | null;
  /** How many ratings the average is over. */
  rated: number;
}

interface Tally extends Omit<ReportRow, "rating" | "rated"> {
  ratings: number[];
}

export async function monthlyReport(db: Db, range: TimeRange): Promise<ReportRow[]> {
  const { requests, offers, accepted, introduced, outcomes } = await monthActivity(db, range);
  const tallies = new Map<string, Tally>();
  const tally = ({ teamKey, city }: RequestPlace): Tally => {
    const key = `${teamKey ?? ""}\u0000${city ?? ""}`;
    let row = tallies.get(key);
    if (!row) {
      row = { team: teamKey, city, requests: 0, offers: 0, accepted: 0, introduced: 0, solved: 0, ratings: [] };
      tallies.set(key, row);
    }
    return row;
  };
  for (const request of requests) tally(request).requests++;
  for (const place of offers) tally(place).offers++;
  for (const place of accepted) tally(place).accepted++;
  for (const place of introduced) tally(place).introduced++;
  for (const match of outcomes) {
    const row = tally(match.request);
    if (match.outcome === "solved") row.solved++;
    if (match.rating !== null) row.ratings.push(match.rating);
  }
  const teamOrder = new Map(serviceTeams.map((team, index) => [team.key, index]));
  const order = (row: Tally) =>
    row.team === null ? serviceTeams.length + 1 : (teamOrder.get(row.team) ?? serviceTeams.length);
  return [...tallies.values()]
    .sort(
      (a, b) =>
        order(a) - order(b) ||
        (a.team ?? "").localeCompare(b.team ?? "") ||
        Number(a.city === null) - Number(b.city === null) ||
        (a.city ?? "").localeCompare(b.city ?? "", "zh-CN"),
    )
    .map(({ ratings, ...row }) => ({ ...row, rating: average(ratings), rated: ratings.length }));
}

function average(values: number[]): number | null {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
}

/** The sum of the rows, with the average over every rated introduction. */
export function reportTotal(rows: readonly ReportRow[]): ReportRow {
  const sum = (field: "requests" | "offers" | "accepted" | "introduced" | "solved" | "rated") =>
    rows.reduce((total, row) => total + row[field], 0);
  const rated = sum("rated");
  const weighted = rows.reduce((total, row) => total + (row.rating ?? 0) * row.rated, 0);
  return {
    team: null,
    city: null,
    requests: sum("requests"),
    offers: sum("offers"),
    accepted: sum("accepted"),
    introduced: sum("introduced"),
    solved: sum("solved"),
    rating: rated ? weighted / rated : null,
    rated,
  };
}
