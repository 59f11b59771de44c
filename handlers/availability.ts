// An expert says when and how they can help; the bot stores slots and confirms what it stored.

import { addDays, dayOf } from "../core/calendar.ts";
import { dayWords } from "../core/day-words.ts";
import { pauseEndAfter } from "../core/expert-pause.ts";
import { keyIn, type Translate } from "../core/i18n.ts";
import { mergeSlots } from "../core/merge-slots.ts";
import { DEFAULT_PAUSE_DAYS } from "../core/understanding/availability.ts";
import type { AvailabilitySlot, DateWindow, ParsedAvailability } from "../core/understanding/types.ts";
import { addAwayWindows, availabilityOf, replaceAvailability, setExpertPause } from "../prisma/availability-slots.ts";
import type { HandlerContext } from "./context.ts";

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

export function describeSlots(t: Translate, slots: AvailabilitySlot[]): string {
  return slots
    .map((slot) =>
      t("availability.slot", {
        day: slot.weekday ? t(keyIn("weekday", slot.weekday)) : (slot.date ?? "").slice(5),
        from: clock(slot.startMinute),
        to: clock(slot.endMinute),
      }),
    )
    .join(t("list.separator"));
}

/** Days away in words: 12月10日至12月15日, one day alone as itself. */
export function describeAway(t: Translate, windows: readonly DateWindow[]): string {
  return windows
    .map((window) =>
      window.start === window.end
        ? dayWords(t, window.start)
        : t("availability.away_window", { from: dayWords(t, window.start), to: dayWords(t, window.end) }),
    )
    .join(t("list.separator"));
}

/** The reply to a pause: its last day and the day offers come again, or the open-ended wording. */
function pauseReply(t: Translate, availability: ParsedAvailability): string {
  const lastDay = availability.pausedUntil;
  if (!lastDay) return t("availability.paused");
  const params = { date: dayWords(t, lastDay), resume: dayWords(t, addDays(lastDay, 1)), days: DEFAULT_PAUSE_DAYS };
  return t(availability.pausedUntilAssumed ? "availability.paused_assumed" : "availability.paused_until", params);
}

export async function handleAvailability(ctx: HandlerContext): Promise<void> {
  const { services, speaker, t, understanding, message } = ctx;
  const availability = understanding.availability;
  if (!speaker.expertId) return ctx.reply(t("availability.not_expert"));
  if (!availability) return ctx.reply(t("availability.not_understood"));
  const { db } = services;
  const expertId = speaker.expertId;
  // Days away are kept beside the free slots: the ranker asks others first for on-site help on those days.
  const away = availability.unavailable ?? [];
  if (away.length > 0) await addAwayWindows(db, expertId, away, message.text.slice(0, 500));
  const awaySaid = away.length > 0 ? t("availability.away_saved", { days: describeAway(t, away) }) : "";
  if (availability.paused !== null && availability.slots.length === 0) {
    // A pause ends by itself: pausedUntil is the instant after its last day (core/expert-pause.ts).
    const lastDay = availability.paused ? availability.pausedUntil : null;
    await setExpertPause(db, expertId, availability.paused, lastDay ? pauseEndAfter(lastDay) : null);
    return ctx.reply(availability.paused ? pauseReply(t, availability) : t("availability.resumed"));
  }
  if (availability.slots.length === 0) return ctx.reply(awaySaid || t("availability.not_understood"));
  const mode = availability.mode ?? "either";
  // New slots join those already stated; overlapping ones of the same day merge (core/merge-slots.ts).
  const stored = await availabilityOf(db, expertId);
  const slots = mergeSlots(stored, availability.slots, dayOf(new Date()));
  await replaceAvailability(db, expertId, {
    slots,
    mode,
    validUntil: availability.until,
    sourceText: message.text.slice(0, 500),
    cities: availability.cities,
  });
  const said =
    describeSlots(t, slots) + (availability.until ? t("availability.until", { date: availability.until }) : "");
  const saved = availability.mode
    ? t("availability.saved", { slots: said, mode: t(`mode.${availability.mode}`) })
    : t("availability.saved_no_mode", { slots: said });
  return ctx.reply(awaySaid ? `${saved}\n${awaySaid}` : saved);
}
