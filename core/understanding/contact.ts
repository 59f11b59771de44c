// A phone number left in a message: a mainland mobile (138 1234 5678, +86-13812345678) or a landline (0769-22334455).

const MOBILE = /(?<!\d)(?:\+?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?!\d)/;
const LANDLINE = /(?<![\d-])(0\d{2,3})[-\s]?(\d{7,8})(?!\d)/;
const MOBILE_ALL = new RegExp(MOBILE.source, "g");
const LANDLINE_ALL = new RegExp(LANDLINE.source, "g");

export function findContact(text: string): string | null {
  const m = MOBILE.exec(text);
  if (m) return `${m[1]}${m[2]}${m[3]}`;
  const l = LANDLINE.exec(text);
  if (l) return `${l[1]}-${l[2]}`;
  return null;
}

/** `text` without phone numbers, so that their digits are not read as dates. */
export function withoutContacts(text: string): string {
  return text.replace(MOBILE_ALL, " ").replace(LANDLINE_ALL, " ");
}
