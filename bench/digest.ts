// The staff digest over 30 days of 100,000 help requests (issue 8, item 6): every staff member's digest
// of today built as the daily run builds them — one tally per period shared by all, team leaders narrowed
// to their team, one reader in English — beside a plain SQL count over the same rows; then the charts the
// run needs, and one chart rendered alone.
import { createClient } from "@libsql/client";
import { dayOf } from "../core/calendar.ts";
import { createLog } from "../core/log.ts";
import { serviceTeams } from "../core/roster/resolve-team.ts";
import { digestChartPart, digestTextParts } from "../jobs/digest/compose-digest.ts";
import { renderWeekChart } from "../jobs/digest/digest-chart.ts";
import { staffRecipient } from "../jobs/digest/digest-job.ts";
import { dailyDigestRequest } from "../jobs/digest/digest-once.ts";
import { SharedWork } from "../jobs/digest/shared-work.ts";
import type { Services } from "../jobs/services.ts";
import { type Db, openDatabase, resolveSqliteUrl } from "../prisma/client.ts";
import { seedDigestHistory } from "./support/digest-history.ts";
import { against, type BenchLine, percentile, round, target } from "./support/lines.ts";
import { random, seedExperts, syntheticExperts } from "./support/synthetic.ts";
import { createWorkspace } from "./support/workspace.ts";

const dayMs = 24 * 3600 * 1000;

interface StaffMember {
  id: string;
  role: string;
  staffTeamKey: string | null;
}

/** Staff who got yesterday's digest: Chinese readers, one English reader, team leaders of the busiest teams. */
async function seedStaff(db: Db, count: number, leaders: number, yesterday: Date): Promise<StaffMember[]> {
  const staff: StaffMember[] = [];
  for (let i = 0; i < count; i++) {
    const leader = i >= count - leaders;
    const member = {
      id: `bench-staff-${i}`,
      role: leader ? "team_leader" : i === 0 ? "admin" : "staff",
      staffTeamKey: leader ? (serviceTeams[count - 1 - i]?.key ?? null) : null,
    };
    await db.person.create({ data: { ...member, displayName: `工会${i}`, locale: i === 1 ? "en" : "zh-CN" } });
    await db.digestRun.create({ data: { personId: member.id, day: dayOf(yesterday), sentAt: yesterday } });
    staff.push(member);
  }
  return staff;
}

/**
 * Builds every staff member's digest of today as the daily run does, sharing its tallies: the text
 * first (the figure), then the charts (one per scope and language).
 */
async function buildAll(services: Services, staff: StaffMember[], now: Date) {
  const shared = new SharedWork();
  const started = performance.now();
  const requests = [];
  for (const member of staff) {
    const recipient = await staffRecipient(services, member);
    const request = await dailyDigestRequest(services, recipient, dayOf(now), { now, shared });
    await digestTextParts(services, request);
    requests.push(request);
  }
  const textMs = performance.now() - started;
  const charts = new Set<string>();
  for (const request of requests) {
    const chart = await digestChartPart(services, request);
    if (chart?.message.kind === "image") charts.add(chart.message.path);
  }
  return { textMs, totalMs: performance.now() - started, charts: charts.size };
}

/** One staff member's digest text alone, nothing shared (as /digest builds it). */
async function buildOne(services: Services, member: StaffMember, now: Date): Promise<number> {
  const recipient = await staffRecipient(services, member);
  const request = await dailyDigestRequest(services, recipient, dayOf(now), { now });
  const started = performance.now();
  await digestTextParts(services, request);
  return performance.now() - started;
}

/** The week's chart with every team on it, the largest it gets; returns each render's time in ms. */
async function chartTimes(renders: number): Promise<number[]> {
  const next = random(7);
  const times: number[] = [];
  for (let i = 0; i < renders; i++) {
    const started = performance.now();
    await renderWeekChart({
      title: "各服务队需求与对接（11-17 至 11-24）",
      labels: serviceTeams.map((team) => team.zh),
      requestsLabel: "需求",
      requests: serviceTeams.map(() => Math.floor(next() * 3000)),
      introductionsLabel: "对接",
      introductions: serviceTeams.map(() => Math.floor(next() * 2000)),
    });
    times.push(performance.now() - started);
  }
  return times;
}

/** The floor: one GROUP BY over the same 30 days of requests through the bare libSQL client, in ms. */
async function plainCount(url: string, since: Date): Promise<number> {
  const client = createClient({ url: resolveSqliteUrl(url) });
  try {
    const sql = "SELECT teamKey, COUNT(*) AS n FROM HelpRequest WHERE createdAt >= ? GROUP BY teamKey";
    const args = [since.toISOString().replace("Z", "+00:00")];
    await client.execute({ sql, args });
    const started = performance.now();
    await client.execute({ sql, args });
    return performance.now() - started;
  } finally {
    client.close();
  }
}

export async function runDigestBench(options: { redisUrl: string; smoke: boolean }): Promise<BenchLine[]> {
  const { smoke } = options;
  const size = smoke
    ? { experts: 200, requests: 2000, staff: 5, leaders: 2, runs: 1, charts: 2 }
    : { experts: 2000, requests: 100_000, staff: 12, leaders: 4, runs: 3, charts: 7 };
  const ws = createWorkspace(options.redisUrl, "digest");
  const db = await openDatabase(ws.databaseUrl);
  try {
    await seedExperts(db, syntheticExperts(size.experts, random(size.experts)));
    const now = new Date();
    const seedStarted = performance.now();
    const history = await seedDigestHistory(ws.databaseUrl, {
      requests: size.requests,
      days: 30,
      end: now,
      experts: size.experts,
    });
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const staff = await seedStaff(db, size.staff, size.leaders, new Date(now.getTime() - dayMs));
    const services: Services = {
      db,
      config: ws.config,
      log: createLog("silent"),
      send: async () => {},
      enqueue: async () => {},
    };
    // The first build warms Prisma, SQLite's page cache and the font; the figure is the median after it.
    await buildAll(services, staff, now);
    const builds: Awaited<ReturnType<typeof buildAll>>[] = [];
    for (let i = 0; i < size.runs; i++) builds.push(await buildAll(services, staff, now));
    const build = percentile(
      builds.map((run) => run.textMs),
      50,
    );
    const one = await buildOne(services, staff[0] as StaffMember, now);
    const floor = await plainCount(ws.databaseUrl, new Date(now.getTime() - 30 * dayMs));
    await chartTimes(1);
    const charts = await chartTimes(size.charts);
    const chart = percentile(charts, 50);
    return [
      {
        name: "digest.build_all_staff",
        value: round(build, 1),
        unit: "ms",
        requests: history.requests,
        matches: history.matches,
        events: history.events,
        days: 30,
        staff: size.staff,
        team_leaders: size.leaders,
        seeded_rows_per_s: Math.round((history.requests + history.matches + history.events) / seedSeconds),
        runs: builds.map((run) => round(run.textMs, 1)),
        one_staff_unshared_ms: round(one, 1),
        with_charts_ms: round(
          percentile(
            builds.map((run) => run.totalMs),
            50,
          ),
          1,
        ),
        charts: builds[0]?.charts ?? 0,
        ...against("sql.count_requests_by_team_30d", floor, build),
        ...target(build, { max: 1000 }),
      },
      {
        name: "digest.chart_render",
        value: round(chart, 1),
        unit: "ms",
        teams: serviceTeams.length,
        renders: charts.length,
        max_ms: round(Math.max(...charts), 1),
        ...target(chart, { max: 200 }),
      },
    ];
  } finally {
    await db.$disconnect();
    await ws.cleanup();
  }
}
