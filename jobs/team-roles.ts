// Two-expert teams (联合攻关): a request naming two skills that no single top candidate covers gets one
// expert per skill. Each candidate is given the role (skill) it covers.
import { skillsOfProfile } from "../core/understanding/skills.ts";

/** How well a profile must hold a skill to cover it (1 = named in the roster). */
const coverWeight = 0.5;

export interface Candidate {
  expertId: string;
  skills: string[];
}

/** The requested skills a candidate covers. */
export function coveredSkills(candidateSkills: readonly string[], wanted: readonly string[]): string[] {
  const held = new Set(
    skillsOfProfile(candidateSkills)
      .filter((skill) => skill.weight >= coverWeight)
      .map((s) => s.key),
  );
  return wanted.filter((key) => held.has(key));
}

/**
 * Roles for ranked candidates: null for every candidate when one expert can do it all (fewer than two
 * skills, or the best candidate covers both); otherwise each candidate's skill, balancing candidates who
 * cover both between the two roles, and undefined for candidates who cover neither.
 */
export function assignRoles(wantedSkills: readonly string[], ranked: readonly Candidate[]): Map<string, string | null> {
  const roles = new Map<string, string | null>();
  const wanted = wantedSkills.slice(0, 2);
  const best = ranked[0];
  if (wanted.length < 2 || !best || coveredSkills(best.skills, wanted).length === wanted.length) {
    for (const candidate of ranked) roles.set(candidate.expertId, null);
    return roles;
  }
  const count = new Map(wanted.map((key) => [key, 0]));
  for (const candidate of ranked) {
    const covered = coveredSkills(candidate.skills, wanted);
    if (covered.length === 0) continue;
    const role = covered.reduce((fewest, key) => ((count.get(key) ?? 0) < (count.get(fewest) ?? 0) ? key : fewest));
    count.set(role, (count.get(role) ?? 0) + 1);
    roles.set(candidate.expertId, role);
  }
  return roles;
}
