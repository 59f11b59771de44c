// The structured result of understanding one chat message (contract 5 in DESIGN.md).
// Unknown fields are null, never guessed.
import type { Locale } from "../i18n.ts";

/** Every intent contract 5 names. */
export const intents = [
  "request",
  "availability",
  "offer_reply",
  "correction",
  "cancel",
  "feedback",
  "command",
  "chatter",
] as const;

export type Intent = (typeof intents)[number];

export type ServiceMode = "onsite" | "remote" | "either";

/** What kind of help an enterprise asks for. */
export type HelpKind = "tech_support" | "training" | "talk" | "commercialisation";

export type Urgency = "urgent" | "normal";

/** A skill of the taxonomy: a stable key plus labels in both locales. */
export interface SkillRef {
  key: string;
  zh: string;
  en: string;
  /** The service team the skill belongs to. */
  team: string;
}

export interface TeamRef {
  key: string;
  zh: string;
  en: string;
}

/** A time window as ISO dates (YYYY-MM-DD) in Asia/Shanghai, inclusive. */
export interface DateWindow {
  start: string;
  end: string;
}

export interface ParsedRequest {
  skills: SkillRef[];
  team: TeamRef | null;
  /** Canonical Chinese city name without 市, e.g. "东莞". */
  city: string | null;
  district: string | null;
  mode: ServiceMode;
  window: DateWindow | null;
  kind: HelpKind | null;
  urgency: Urgency | null;
  enterprise: string | null;
  contact: string | null;
}

/** One slot an expert offers, in Asia/Shanghai. Either weekday (recurring) or date (one-off). */
export interface AvailabilitySlot {
  /** 1 = Monday … 7 = Sunday */
  weekday: number | null;
  /** YYYY-MM-DD */
  date: string | null;
  startMinute: number;
  endMinute: number;
}

export interface ParsedAvailability {
  slots: AvailabilitySlot[];
  mode: ServiceMode | null;
  cities: string[];
  /** true: pause taking offers; false: resume; null: neither was said. */
  paused: boolean | null;
  /** YYYY-MM-DD after which recurring slots stop, or null. */
  until: string | null;
  recurring: boolean;
  /** YYYY-MM-DD on which a pause ends when the message says so (这周都不行 -> this Sunday). Optional addition. */
  pausedUntil?: string | null;
}

export type OfferAnswer = "accept" | "decline" | "later";

export interface ParsedOfferReply {
  answer: OfferAnswer;
  /** Request code named in the message (R-0042), or null. */
  code: string | null;
}

export interface ParsedCorrection {
  code: string | null;
  /** Only the fields the message changes. */
  changes: Partial<Pick<ParsedRequest, "city" | "district" | "mode" | "window" | "skills" | "kind" | "urgency">>;
}

export interface Understanding {
  intent: Intent;
  request?: ParsedRequest;
  availability?: ParsedAvailability;
  offerReply?: ParsedOfferReply;
  correction?: ParsedCorrection;
  /** Request code named in a cancel or feedback message. */
  code?: string | null;
  /** 1–5 rating in a feedback message. */
  rating?: number | null;
  /** Slash command name and arguments, for intent "command". */
  command?: { name: string; args: string[] };
  /** The language the message is written in. */
  locale: Locale;
  /** Whether the message addresses the bot (@-mention or its name). */
  addressed: boolean;
}

export interface UnderstandOptions {
  /** Reference time for relative dates (今天, next Tuesday); defaults to now. */
  now?: Date;
  /** The bot's display name, so that "@匠桥" is recognised and stripped. */
  botName?: string;
}
