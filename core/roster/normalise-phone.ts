// Phones as rosters write them ("139 0000 1234", "+86-139…", "(0769)2233-4455") reduced to one spelling.

export type PhoneCheck = { ok: true; phone: string | null } | { ok: false };

/** An 11-digit mobile, or a landline with its area code ("0769-22334455"); empty means no phone. */
export function normalisePhone(cell: string): PhoneCheck {
  const text = cell.trim();
  if (text === "") return { ok: true, phone: null };
  if (!/^[\d\s\-+()（）.]+$/.test(text)) return { ok: false };
  let digits = text.replace(/\D/g, "");
  if (/^(0086|86)1[3-9]\d{9}$/.test(digits)) digits = digits.replace(/^(0086|86)/, "");
  if (/^1[3-9]\d{9}$/.test(digits)) return { ok: true, phone: digits };
  // Area codes: 010 and 02x have three digits, all others four; local numbers have seven or eight.
  const areaLength = /^0[12]/.test(digits) ? 3 : 4;
  const local = digits.slice(areaLength);
  if (digits.startsWith("0") && /^[2-9]\d{6,7}$/.test(local)) {
    return { ok: true, phone: `${digits.slice(0, areaLength)}-${local}` };
  }
  return { ok: false };
}
