// Two-expert teams (联合攻关): a request naming two skills that no single candidate covers gets one
// expert per skill. Each candidate is given the role (skill) it covers.
import { skillsOfProfile } from "../core/understanding/skills.ts";

/** How well a profile must hold a skill to cover it (1 = named in the roster). */
const coverWeight = 0.5;

/** The requested skills a candidate covers. */
export function coveredSkills(candidateSkills: readonly string[], wanted: readonly string[]): string[] {
  const held = new Set(
    skillsOfProfile(candidateSkills)
      .filter((skill) => skill.weight >= coverWeight)
      .map((s) => s.key),
  );
  return wanted.filter((key) => held.has(key));
}

export interface RankedCover {
  expertId: string;
  /** The requested skills the expert holds well enough to take on alone (the ranking's `covers`). */
  covers: readonly string[];
}

export interface TeamPlan {
  /** Each kept candidate's role: null for a request one expert takes. Candidates who cover neither are left out. */
  roles: Map<string, string | null>;
  /** Roles of a team that no candidate covers: staff are told, and fill them by hand. */
  missing: string[];
}

/**
 * Roles for ranked candidates. One expert takes the request when it needs fewer than two skills or any
 * candidate covers both; only then is a team of two formed, each candidate given the role it covers
 * (candidates covering both balanced between the roles), and a role nobody covers reported as missing.
 */
export function planTeam(wantedSkills: readonly string[], ranked: readonly RankedCover[]): TeamPlan {
  const roles = new Map<string, string | null>();
  const wanted = wantedSkills.slice(0, 2);
  const single = (candidate: RankedCover) => wanted.every((key) => candidate.covers.includes(key));
  if (wanted.length < 2 || ranked.length === 0 || ranked.some(single)) {
    // One expert for all of it: the ones covering everything first, in rank order.
    const ordered = [...ranked.filter(single), ...ranked.filter((candidate) => !single(candidate))];
    for (const candidate of ordered) roles.set(candidate.expertId, null);
    return { roles, missing: [] };
  }
  const count = new Map(wanted.map((key) => [key, 0]));
  for (const candidate of ranked) {
    const covered = wanted.filter((key) => candidate.covers.includes(key));
    if (covered.length === 0) continue;
    const role = covered.reduce((fewest, key) => ((count.get(key) ?? 0) < (count.get(fewest) ?? 0) ? key : fewest));
    count.set(role, (count.get(role) ?? 0) + 1);
    roles.set(candidate.expertId, role);
  }
  const missing = wanted.filter((key) => (count.get(key) ?? 0) === 0);
  // Nobody covers either role alone: one expert (the best fits) rather than a team of nobody.
  if (missing.length === wanted.length) {
    for (const candidate of ranked) roles.set(candidate.expertId, null);
    return { roles, missing: [] };
  }
  return { roles, missing };
}
