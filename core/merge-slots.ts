// An expert's availability grows as they tell it ("周二下午有空", later "周四上午也行"): new slots join the old
// ones, and slots of the same weekday or date that overlap or touch become one. Dated slots already past drop.

export interface Slot {
  weekday: number | null;
  date: string | null;
  startMinute: number;
  endMinute: number;
}

/** The union of old and new slots, per weekday or date, sorted; `today` (YYYY-MM-DD) drops past dates. */
export function mergeSlots<S extends Slot>(old: readonly S[], added: readonly S[], today: string): S[] {
  const byDay = new Map<string, S[]>();
  for (const slot of [...old, ...added]) {
    if (slot.date !== null && slot.date < today) continue;
    const day = slot.weekday !== null ? `w${slot.weekday}` : `d${slot.date}`;
    byDay.set(day, [...(byDay.get(day) ?? []), slot]);
  }
  const merged: S[] = [];
  for (const slots of byDay.values()) {
    const sorted = [...slots].sort((a, b) => a.startMinute - b.startMinute);
    let current: S | undefined;
    for (const slot of sorted) {
      if (current && slot.startMinute <= current.endMinute) {
        current = { ...current, endMinute: Math.max(current.endMinute, slot.endMinute) };
        continue;
      }
      if (current) merged.push(current);
      current = { ...slot };
    }
    if (current) merged.push(current);
  }
  return merged.sort(
    (a, b) =>
      (a.weekday ?? 8) - (b.weekday ?? 8) ||
      (a.date ?? "").localeCompare(b.date ?? "") ||
      a.startMinute - b.startMinute,
  );
}
