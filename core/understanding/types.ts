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
  // Finer than contract 5: `craftbridge parse` prints it as chatter with detail "status".
  "status",
] as const;

export type Intent = (typeof intents)[number];

/** What a chatter line is, so handlers can greet and thank back and stay quiet for the rest. */
export type ChatterKind = "greeting" | "thanks" | "trade" | "hiring" | "notice" | "venting" | "question" | "small_talk";

/** A question about an existing request: how it stands, the expert's contact, or my requests. */
export interface ParsedStatus {
  code: string | null;
  about: "progress" | "contact" | "mine";
}

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
  /**
   * The problems the message states, in order; more than one means unrelated problems (different skills), for
   * which the handler opens one request each or asks. Empty when the message names no problem. Optional addition.
   */
  problems?: ParsedProblem[];
  /** Every city the message names when it names more than one ("广州或者佛山都可以"); city is the first. */
  cities?: string[];
}

/** One problem of a request: the words that state it and the skills they name. */
export interface ParsedProblem {
  text: string;
  skills: SkillRef[];
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
  /** true when the message named no end and pausedUntil is the default (two weeks): the reply says so. */
  pausedUntilAssumed?: boolean;
  /** Days said to be taken (12月10号到15号出差), as windows; free otherwise. Optional addition. */
  unavailable?: DateWindow[];
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
  changes: Partial<
    Pick<ParsedRequest, "city" | "district" | "cities" | "mode" | "window" | "skills" | "kind" | "urgency">
  >;
}

export interface SlashCommand {
  name: string;
  args: string[];
}

/** What every understood message carries, whatever its intent. */
interface Said {
  /** For chatter only: what kind it is, when known (a greeting, thanks…). */
  chatter?: ChatterKind;
  /** The language the message is written in. */
  locale: Locale;
  /** Whether the message addresses the bot (@-mention or its name). */
  addressed: boolean;
}

/** The fields of every intent; each variant holds its own and reads the others as absent. */
interface IntentFields {
  request: ParsedRequest;
  availability: ParsedAvailability;
  offerReply: ParsedOfferReply;
  correction: ParsedCorrection;
  /** Request code named in a cancel or feedback message. */
  code: string | null;
  /** 1–5 rating in a feedback message. */
  rating: number | null;
  /** Slash command name and arguments. */
  command: SlashCommand;
  /** What the person asks about an existing request. */
  status: ParsedStatus;
}

type Variant<I extends Intent, K extends keyof IntentFields = never> = Said & { intent: I } & Pick<IntentFields, K> & {
    [F in Exclude<keyof IntentFields, K>]?: undefined;
  };

/**
 * One variant per intent: `switch (u.intent)` narrows to the fields that intent has, and a switch
 * that leaves an intent out does not compile where it must be exhaustive (handlers/router.ts).
 */
export type Understanding =
  | Variant<"request", "request">
  | Variant<"availability", "availability">
  | Variant<"offer_reply", "offerReply">
  | Variant<"correction", "correction">
  | Variant<"cancel", "code">
  | Variant<"feedback", "code" | "rating">
  | Variant<"command", "command">
  | Variant<"status", "status">
  | Variant<"chatter">;

/** The understanding of one intent. */
export type UnderstandingOf<I extends Intent> = Extract<Understanding, { intent: I }>;

// Every intent of the list has its variant (a new intent without one does not compile).
const everyIntentHasAVariant: [Intent] extends [Understanding["intent"]] ? true : never = true;
void everyIntentHasAVariant;

export interface UnderstandOptions {
  /** Reference time for relative dates (今天, next Tuesday); defaults to now. */
  now?: Date;
  /** The bot's display name, so that "@匠桥" is recognised and stripped. */
  botName?: string;
  /** The message is addressed to the bot by the platform (an @-mention, a private chat): a vaguer request counts. */
  addressed?: boolean;
}
