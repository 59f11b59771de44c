// Answers to an offer: 接受 R-0042, 这次不方便, 稍后, accept, and the numbered choices of WeChat fallbacks.

import type { OfferAnswer, ParsedOfferReply } from "./types.ts";

const TAIL = "(?:的|啊|呀|哈|吧|了|哦|呢|嗯|哈哈|~|\\s)*";
const ACCEPT = new RegExp(
  `^(?:好的?|嗯|ok|okay|行)?\\s*(?:我)?(?:接受|同意|愿意|可以|可以的|能去|可以去|我去|去|我来|我接|接了|接单|接下|接|没问题|行|行的|ok我去|好我去|马上到|马上过去|收到我去|i\\s*accept|accept(?:ed)?|yes|yep|sure|i'?ll\\s+(?:go|do\\s+it|take\\s+it|come)|count\\s+me\\s+in|ok\\s*,?\\s*i'?ll\\s+go)${TAIL}$`,
  "i",
);
const DECLINE = new RegExp(
  `^(?:抱歉|不好意思|sorry)?\\s*(?:我)?(?:这次|这回)?就?(?:不方便|婉拒|拒绝|没空|没时间|去不了|来不了|不去了|不去|不行|不了|算了|下次吧|下次|下次再说|下次再约|不接|接不了|走不开|抽不开身|decline[d]?|i\\s+decline|no|nope|no\\s+thanks|can'?t(?:\\s+make\\s+it)?|cannot(?:\\s+make\\s+it)?|not\\s+this\\s+time|pass|i'?ll\\s+pass|sorry)${TAIL}$`,
  "i",
);
const LATER = new RegExp(
  `^(?:我)?(?:稍后(?:再说|再回复|再答复|回复|答复|再看|再定)?|稍等|晚点再说|晚点再?回复|晚点再?答复|晚点|等等|等一下|等下|再说|考虑一下|考虑考虑|我想想|想想|回头再说|回头|待定|等[^,，。]{0,8}再(?:说|回复|答复|定|看)|later|maybe\\s+later|let\\s+me\\s+think|not\\s+now|remind\\s+me\\s+later|ask\\s+me\\s+later)${TAIL}$`,
  "i",
);
const STRONG = /接受|同意|婉拒|拒绝|\baccept(?:ed)?\b|\bdecline[d]?\b/i;
const CLAUSE = /[,.!?;，。！？；、\n]+/;
// Punctuation and emoji around an answer; skin-tone modifiers are an alternative because they pair with an emoji.
const EDGE = "(?:[\\s,.!?;:，。！？；：、~\\p{Extended_Pictographic}\\uFE0F]|\\p{Emoji_Modifier})+";
const DECORATION = new RegExp(`^${EDGE}|${EDGE}$`, "gu");

function classify(phrase: string): OfferAnswer | null {
  const p = phrase.replace(DECORATION, "").trim();
  if (p === "") return null;
  if (LATER.test(p)) return "later";
  if (DECLINE.test(p)) return "decline";
  if (ACCEPT.test(p)) return "accept";
  return null;
}

// Politeness around an answer ("抱歉，这次去不了", "好的，我去！") does not change it.
const FILLER = /^(?:抱歉|不好意思|对不起|好的?|嗯|谢谢|sorry|ok|okay|thanks)$/i;

function byClauses(text: string): OfferAnswer | null {
  let answer: OfferAnswer | null = null;
  for (const clause of text.split(CLAUSE)) {
    const c = clause.replace(DECORATION, "").trim();
    if (c === "" || FILLER.test(c)) continue;
    const a = classify(c);
    if (!a || (answer && a !== answer)) return null;
    answer = a;
  }
  return answer;
}

/**
 * An offer answer, or null when the message is not one. `rest` is the message without mentions and request code.
 * Only short replies count, so "可以远程指导" or a long request with 可以 in it is not an acceptance.
 */
export function parseOfferReply(rest: string, code: string | null): ParsedOfferReply | null {
  const text = rest.replace(DECORATION, "").trim();
  const choice = /^([123])(?:\s*[.、)号])?$/.exec(text);
  if (choice) {
    const answer: OfferAnswer = choice[1] === "1" ? "accept" : choice[1] === "2" ? "decline" : "later";
    return { answer, code };
  }
  if (text.length <= 24) {
    const whole = classify(text) ?? byClauses(text);
    if (whole) return { answer: whole, code };
  }
  const first = text.split(CLAUSE)[0] ?? "";
  if (text.length <= 40 || code) {
    const answer = classify(first);
    if (answer) return { answer, code };
  }
  const strong = STRONG.exec(text);
  if (strong && (code || strong.index === 0)) {
    const word = strong[0].toLowerCase();
    const answer: OfferAnswer = /婉拒|拒绝|decline/.test(word) ? "decline" : "accept";
    return { answer, code };
  }
  return null;
}
