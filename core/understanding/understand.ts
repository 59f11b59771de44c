// The one entry point of the understanding layer: a chat message in, structured data out (contract 5).
// It never throws and never guesses: anything not said is null.

import { dayNumberOf } from "../calendar.ts";
import { detectLocale } from "../i18n.ts";
import { extractAlternativeCities } from "./alternative-cities.ts";
import { AWAY, AWAY_OF_SPEAKER, extractAvailability, LATER, PAUSE, RESUME } from "./availability.ts";
import { parseCommand } from "./command.ts";
import { findContact, withoutContacts } from "./contact.ts";
import { correctionTarget } from "./correction.ts";
import { scanDateTerms } from "./date-terms.ts";
import { findEnterprise } from "./enterprise.ts";
import { findRating, SOLVED, THANKS } from "./feedback.ts";
import { chatterKind, hardNegative, softNegative } from "./group-talk.ts";
import {
  ASK,
  AVAILABLE,
  CHATTER,
  decideIntent,
  ENTERPRISE_VOICE,
  EXPERT,
  FIRST_PERSON,
  HELP_ASK,
  POSITIVE,
  PROBLEM,
  SERVICE,
  SYMPTOM,
} from "./intent.ts";
import { detectKind } from "./kind.ts";
import teams from "./knowledge/teams.json" with { type: "json" };
import { stripMentions } from "./mention.ts";
import { detectMode, saysAlso } from "./mode.ts";
import { normalize } from "./normalize.ts";
import { parseOfferReply } from "./offer-reply.ts";
import { extractCities, extractPlace } from "./places.ts";
import { extractProblems } from "./problems.ts";
import { findRequestCode, withoutRequestCodes } from "./request-code.ts";
import { extractSkills, extractTeam } from "./skills.ts";
import { parseStatus } from "./status.ts";
import { scanTimesOfDay } from "./time-of-day.ts";
import { extractWindow } from "./time-window.ts";
import type {
  ParsedAvailability,
  ParsedCorrection,
  ParsedProblem,
  ParsedRequest,
  SkillRef,
  TeamRef,
  Understanding,
  UnderstandOptions,
} from "./types.ts";
import { detectUrgency } from "./urgency.ts";

const CANCEL =
  /取消|撤销|撤回|不用了|不需要了|不用找了|不找了|先不用|不麻烦了|不必了|^(?:那就|那|要不)?算了(?![,，\s]*还是)|算了吧(?![,，\s]*还是)|唔使(?:了|喇|啦|搵)|唔(?:需要|要)(?:了|喇)|\bforget\s+it\b|\bcancel(?:led|ed)?\b|\bnever\s*mind\b|\bno\s+longer\s+need/i;
const TEAMS: TeamRef[] = teams;
// Emoji, stickers and punctuation only ("👍", "🙏🙏", "[强]" is caught by CHATTER's shape).
const ONLY_SYMBOLS = /^(?:[\p{Extended_Pictographic}\p{P}\p{S}\s]|\uFE0F|\p{Emoji_Modifier})+$/u;

function teamOf(text: string, skills: SkillRef[]): TeamRef | null {
  // A team named outright ("精密制造服务队") wins over the teams of the skills.
  let named: TeamRef | null = null;
  try {
    named = extractTeam(text);
  } catch {
    named = null;
  }
  if (named) return named;
  const counts = new Map<string, number>();
  for (const s of skills) counts.set(s.team, (counts.get(s.team) ?? 0) + 1);
  let best: string | null = null;
  for (const [key, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = key;
  return TEAMS.find((t) => t.key === best || t.zh === best) ?? null;
}

function safeSkills(text: string): SkillRef[] {
  try {
    return extractSkills(text);
  } catch {
    return [];
  }
}

function safePlace(text: string): { city: string | null; district: string | null } {
  try {
    const place = extractPlace(text);
    return { city: place.city ?? null, district: place.district ?? null };
  } catch {
    return { city: null, district: null };
  }
}

function safeCities(text: string): string[] {
  try {
    return extractCities(text);
  } catch {
    return [];
  }
}

function safeAlternatives(text: string): string[] {
  try {
    return extractAlternativeCities(text);
  } catch {
    return [];
  }
}

function safeProblems(text: string, skills: SkillRef[]): ParsedProblem[] {
  try {
    return extractProblems(text, skills);
  } catch {
    return [];
  }
}

function buildRequest(
  text: string,
  now: Date,
  raw: string,
  skills: SkillRef[],
  place: { city: string | null; district: string | null },
): ParsedRequest {
  const cities = safeAlternatives(text);
  return {
    skills,
    team: teamOf(text, skills),
    city: place.city,
    district: place.district,
    mode: detectMode(text) ?? "either",
    window: extractWindow(text, now),
    // A request that describes a fault without naming the kind of help is asking for technical support.
    kind: detectKind(text) ?? (PROBLEM.test(text) ? "tech_support" : null),
    urgency: detectUrgency(text),
    enterprise: findEnterprise(text),
    contact: findContact(raw),
    problems: safeProblems(text, skills),
    ...(cities.length > 1 ? { cities } : {}),
  };
}

function buildCorrection(target: string, code: string | null, now: Date): ParsedCorrection {
  const changes: ParsedCorrection["changes"] = {};
  const place = safePlace(target);
  if (place.city) changes.city = place.city;
  if (place.district) changes.district = place.district;
  const cities = place.city ? safeAlternatives(target) : [];
  if (cities.length > 1) changes.cities = cities;
  // "actually can be remote also": the other way as well.
  const mode = saysAlso(target) ? "either" : detectMode(target);
  if (mode) changes.mode = mode;
  const window = extractWindow(target, now);
  if (window) changes.window = window;
  const skills = safeSkills(target);
  if (skills.length > 0) changes.skills = skills;
  const kind = detectKind(target);
  if (kind && kind !== "tech_support") changes.kind = kind;
  const urgency = detectUrgency(target);
  if (urgency) changes.urgency = urgency;
  return { code, changes };
}

function analyse(input: string, options: UnderstandOptions): Understanding {
  const now = options.now instanceof Date && Number.isFinite(options.now.getTime()) ? options.now : new Date();
  const normalized = normalize(input);
  const stripped = stripMentions(normalized, options.botName);
  const spoken = stripped.text;
  const addressed = stripped.addressed || options.addressed === true;
  // The one language detector (core/i18n.ts); text with no letters at all reads as English, as before.
  const locale = detectLocale(spoken || normalized) === "zh-CN" ? "zh-CN" : "en";
  const base = { locale, addressed } as const;

  const command = parseCommand(spoken);
  const code = findRequestCode(spoken);
  // Codes and phone numbers are removed before anything reads digits as dates or ratings.
  const text = withoutContacts(withoutRequestCodes(spoken)).replace(/ {2,}/g, " ").trim();
  const today = dayNumberOf(now);
  const terms = scanDateTerms(text, today);
  const times = scanTimesOfDay(text);
  const skills = safeSkills(text);
  const place = safePlace(text);
  const offerReply = parseOfferReply(text, code);
  const target = correctionTarget(text, code !== null);
  const rating = findRating(text);
  const status = parseStatus(text, code);
  const kind = detectKind(text);

  const intent = decideIntent({
    empty: spoken === "" || (text === "" && !code),
    command: command !== null,
    choice: /^[123]$/.test(text),
    rating: rating !== null,
    cancel: CANCEL.test(text),
    correction: target !== null,
    offerReply: offerReply !== null,
    solved: SOLVED.test(text),
    thanks: THANKS.test(text),
    code: code !== null,
    pauseOrResume:
      PAUSE.test(text) ||
      RESUME.test(text) ||
      (AWAY.test(text) && (FIRST_PERSON.test(text) || AWAY_OF_SPEAKER.test(text))) ||
      (LATER.test(text) && terms.length > 0),
    available: AVAILABLE.test(text),
    positive: POSITIVE.test(text),
    firstPerson: FIRST_PERSON.test(text),
    dateOrTime: terms.length > 0 || times.length > 0,
    slotsSaid: times.length > 0 || terms.some((t) => t.weekly !== null),
    modeSaid: detectMode(text) !== null,
    ask: ASK.test(text),
    problem: PROBLEM.test(text),
    urgent: detectUrgency(text) === "urgent",
    skills: skills.length > 0,
    place: place.city !== null,
    enterpriseVoice: ENTERPRISE_VOICE.test(text),
    chatterForm: CHATTER.test(text) || ONLY_SYMBOLS.test(text),
    length: text.length,
    status: status !== null,
    helpAsk: HELP_ASK.test(text),
    symptom: SYMPTOM.test(text),
    service: (kind !== null && kind !== "tech_support") || SERVICE.test(text),
    expert: EXPERT.test(text),
    hardNegative: hardNegative(text),
    softNegative: softNegative(text),
    addressed,
  });

  switch (intent) {
    case "command":
      return { intent, ...base, command: command ?? { name: "help", args: [] } };
    case "offer_reply":
      return { intent, ...base, offerReply: offerReply ?? { answer: "accept", code } };
    case "feedback":
      return { intent, ...base, code, rating };
    case "cancel":
      return { intent, ...base, code };
    case "correction":
      return { intent, ...base, correction: buildCorrection(target ?? text, code, now) };
    case "availability": {
      const parsed = extractAvailability(text, now);
      const availability: ParsedAvailability = { ...parsed, cities: safeCities(text) };
      return { intent, ...base, availability };
    }
    case "request":
      return { intent, ...base, request: buildRequest(text, now, spoken, skills, place) };
    case "status":
      return { intent, ...base, status: status ?? { code, about: "progress" } };
    default:
      return { intent: "chatter", ...base, chatter: chatterKind(text) };
  }
}

/** Understand one chat message. Never throws; at most the first 2,000 characters are analysed. */
export function understand(text: string, options: UnderstandOptions = {}): Understanding {
  try {
    return analyse(text, options ?? {});
  } catch {
    return {
      intent: "chatter",
      locale: typeof text === "string" && detectLocale(text.slice(0, 2000)) === "zh-CN" ? "zh-CN" : "en",
      addressed: false,
    };
  }
}
