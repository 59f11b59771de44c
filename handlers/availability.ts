// An expert says when and how they can help; the bot stores slots and confirms what it stored.

import { dayOf } from "../core/calendar.ts";
import { keyIn, type Translate } from "../core/i18n.ts";
import { mergeSlots } from "../core/merge-slots.ts";
import type { AvailabilitySlot } from "../core/understanding/types.ts";
import { availabilityOf, replaceAvailability } from "../prisma/availability-slots.ts";
import { updateExpertProfile } from "../prisma/expert-records.ts";
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

export async function handleAvailability(ctx: HandlerContext): Promise<void> {
  const { services, speaker, t, understanding, message } = ctx;
  const availability = understanding.availability;
  if (!speaker.expertId) return ctx.reply(t("availability.not_expert"));
  if (!availability) return ctx.reply(t("availability.not_understood"));
  const { db } = services;
  const expertId = speaker.expertId;
  if (availability.paused !== null && availability.slots.length === 0) {
    await updateExpertProfile(db, expertId, { paused: availability.paused });
    return ctx.reply(t(availability.paused ? "availability.paused" : "availability.resumed"));
  }
  if (availability.slots.length === 0) return ctx.reply(t("availability.not_understood"));
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
  if (availability.mode) {
    return ctx.reply(t("availability.saved", { slots: said, mode: t(`mode.${availability.mode}`) }));
  }
  return ctx.reply(t("availability.saved_no_mode", { slots: said }));
}
