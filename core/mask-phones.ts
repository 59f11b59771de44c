// A group chat never sees a phone number: whatever a reply to a group carries, mobile and landline
// numbers are shown masked there (138****5678). Contact details go to the two parties privately.
import type { OutgoingMessage } from "./messages.ts";

// Mainland mobiles (optionally +86), and landlines with an area code (0769-12345678).
const phonePattern =
  /(?<!\d)(?:\+?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?!\d)|(?<!\d)(0\d{2,3})-?(\d{7,8})(?!\d)/g;

/** `text` with every phone number masked. */
export function maskPhones(text: string): string {
  return text.replace(
    phonePattern,
    (_match, head?: string, _middle?: string, tail?: string, area?: string, local?: string) =>
      head && tail ? `${head}****${tail}` : `${area}-****${(local ?? "").slice(-2)}`,
  );
}

/** The message as a group may see it. */
export function forGroup(message: OutgoingMessage): OutgoingMessage {
  if (message.kind === "image") return message.text ? { ...message, text: maskPhones(message.text) } : message;
  return { ...message, text: maskPhones(message.text) };
}
