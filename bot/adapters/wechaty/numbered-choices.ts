// WeChat has no cards: a card becomes its text followed by numbered choices, and a bare number
// sent back by the person becomes a press of that card's button.
import type { CardButton, OutgoingMessage } from "../../../core/messages.ts";

type Card = Extract<OutgoingMessage, { kind: "card" }>;

/** The latest card a person or room was sent, to turn a numbered reply into a press. */
export interface NumberedCard {
  key: string;
  buttons: CardButton[];
  sentAt: Date;
}

/** A card as WeChat text: title, text, then "【1】接受　【2】婉拒" on a line of its own. */
export function renderCard(card: Card): string {
  const choices = card.buttons.map((button, index) => `【${index + 1}】${button.label}`).join("　");
  return [card.title, card.text, choices].filter(Boolean).join("\n");
}

const fullWidthDigits = "０１２３４５６７８９";

/** The choice number of a reply such as "1", "２", "1." or "@匠桥 1号"; null for anything else. */
export function choiceNumber(text: string): number | null {
  const plain = text
    .replace(/@\S+[\s\u2005]?/g, " ")
    .replace(/[０-９]/g, (digit) => String(fullWidthDigits.indexOf(digit)))
    .trim();
  const match = /^([1-9])\s*[.。、)）号]?$/.exec(plain);
  return match ? Number(match[1]) : null;
}
