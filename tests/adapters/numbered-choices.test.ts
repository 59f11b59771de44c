// Cards in WeChat: text with numbered choices, and the numbers people send back.
import { describe, expect, it } from "vitest";
import { choiceNumber, renderCard } from "../../bot/adapters/wechaty/numbered-choices.ts";

describe("numbered choices", () => {
  it("renders a card as its title, text and numbered buttons", () => {
    const text = renderCard({
      kind: "card",
      title: "邀请 R-0001",
      text: "王师傅您好！",
      buttons: [
        { label: "接受", value: "offer.accept:m1" },
        { label: "婉拒", value: "offer.decline:m1" },
      ],
    });
    expect(text).toBe("邀请 R-0001\n王师傅您好！\n【1】接受　【2】婉拒");
  });

  it("reads a bare number, full-width or after a mention, and nothing else", () => {
    expect(choiceNumber("1")).toBe(1);
    expect(choiceNumber(" ２ ")).toBe(2);
    expect(choiceNumber("3号")).toBe(3);
    expect(choiceNumber("@匠桥\u20051")).toBe(1);
    expect(choiceNumber("12")).toBeNull();
    expect(choiceNumber("1个人")).toBeNull();
    expect(choiceNumber("接受 R-0001")).toBeNull();
  });
});
