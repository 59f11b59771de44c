// Feedback after a visit: a rating (5分, 打4分, 五星, 5 stars, ⭐⭐⭐⭐) and "solved, thanks".

import { parseNumber } from "./cn-number.ts";

const RATING =
  /(?:打|给|评|评分|rating|rate)?\s*[:：]?\s*([1-5]|[一二三四五])\s*(?:分(?!钟|厂|公司|之|期)|星|颗星|个星|stars?\b|\/\s*5\b|out\s+of\s+5\b)/i;
const FULL_MARKS = /满分|五星好评|\bfive\s+stars?\b/i;
const STARS = /[⭐🌟★]{1,5}/u;

export const SOLVED =
  /(?<![没未不还])(?:已经?|都|总算|终于)?(?:解决了|已解决|搞定了|修好了|弄好了|处理好了|恢复正常|正常了|调好了|问题不大了)(?![吗么没])|(?<!not\s|n't\s|not\sbeen\s|n't\sbeen\s)\b(?:solved|fixed|resolved|sorted\s+out|works\s+now|working\s+now)\b/i;
export const THANKS = /谢谢|感谢|多谢|辛苦(?:了|啦|您)|\bthanks?\b|\bthank\s+you\b|\bthx\b|\bty\b/i;

export function findRating(text: string): number | null {
  const m = RATING.exec(text);
  if (m) return parseNumber(m[1]);
  if (FULL_MARKS.test(text)) return 5;
  const stars = STARS.exec(text);
  if (stars) return [...stars[0]].length;
  return null;
}
