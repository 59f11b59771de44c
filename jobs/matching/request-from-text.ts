// A structured request from one free-text line, for batch matching (contract 2): the full understanding
// layer when it sees a request, and skills, place and mode read directly when it does not
// (a terse line such as "GMP compliance, Zhanjiang" may not look like a request to it).
import { detectMode } from "../../core/understanding/mode.ts";
import { extractPlace } from "../../core/understanding/places.ts";
import { extractSkills, extractTeam, teamOf } from "../../core/understanding/skills.ts";
import type { ParsedRequest } from "../../core/understanding/types.ts";
import { understand } from "../../core/understanding/understand.ts";

function direct(text: string): ParsedRequest {
  const skills = extractSkills(text);
  const place = extractPlace(text);
  const first = skills[0];
  return {
    skills,
    team: extractTeam(text) ?? (first ? teamOf(first.key) : null),
    city: place.city,
    district: place.district,
    mode: detectMode(text) ?? "either",
    window: null,
    kind: null,
    urgency: null,
    enterprise: null,
    contact: null,
  };
}

export function requestFromText(text: string, now: Date): ParsedRequest {
  const local = direct(text);
  let parsed: ParsedRequest | undefined;
  try {
    parsed = understand(text, { now, addressed: true }).request;
  } catch {
    parsed = undefined;
  }
  if (!parsed) return local;
  return {
    ...parsed,
    skills: parsed.skills.length > 0 ? parsed.skills : local.skills,
    team: parsed.team ?? local.team,
    city: parsed.city ?? local.city,
    district: parsed.district ?? local.district,
    mode: parsed.mode === "either" ? local.mode : parsed.mode,
  };
}
