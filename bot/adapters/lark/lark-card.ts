// Interactive cards: the text, then one button per choice. A button's value carries the outbox key
// of the card and the action, so a press names both without any state on our side.
import type { OutgoingMessage } from "../../../core/messages.ts";

export type CardMessage = Extract<OutgoingMessage, { kind: "card" }>;

/** What a button press hands back. */
export interface ButtonValue {
  card: string;
  action: string;
  label: string;
}

function header(card: CardMessage) {
  return card.title ? { title: { tag: "plain_text", content: card.title } } : undefined;
}

/** The card as Lark's message card JSON, buttons live. */
export function larkCard(card: CardMessage, key: string): object {
  return {
    config: { wide_screen_mode: true, update_multi: true },
    header: header(card),
    elements: [
      { tag: "div", text: { tag: "plain_text", content: card.text } },
      {
        tag: "action",
        actions: card.buttons.map((button, index) => ({
          tag: "button",
          text: { tag: "plain_text", content: button.label },
          type: index === 0 ? "primary" : "default",
          value: { card: key, action: button.value, label: button.label } satisfies ButtonValue,
        })),
      },
    ],
  };
}

/** The card once answered: the buttons give way to the choice made, so it cannot be pressed again. */
export function answeredCard(card: CardMessage, label: string): object {
  return {
    config: { wide_screen_mode: true, update_multi: true },
    header: header(card),
    elements: [
      { tag: "div", text: { tag: "plain_text", content: card.text } },
      { tag: "note", elements: [{ tag: "plain_text", content: `✓ ${label}` }] },
    ],
  };
}

/** Reads a button value back; null when it is not one of ours. */
export function buttonValue(value: unknown): ButtonValue | null {
  let parsed = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!parsed || typeof parsed !== "object") return null;
  const { card, action, label } = parsed as Record<string, unknown>;
  if (typeof card !== "string" || typeof action !== "string") return null;
  return { card, action, label: typeof label === "string" ? label : action };
}
