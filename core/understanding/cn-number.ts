// Small Chinese and English number words, enough for dates, durations, times and ratings.

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const EN_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  couple: 2,
  few: 3,
};

/** Parse "12", "十二", "二十八", "廿八", "三十一", "两", "three"; null when it is not a number. */
export function parseNumber(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const text = raw.trim();
  if (text === "") return null;
  if (/^\d{1,6}$/.test(text)) return Number(text);
  const en = EN_WORDS[text.toLowerCase()];
  if (en !== undefined) return en;
  if (text.length > 4) return null;
  let value = 0;
  let current = 0;
  for (const ch of text) {
    if (ch === "十") {
      value += (current === 0 ? 1 : current) * 10;
      current = 0;
    } else if (ch === "廿") {
      value += 20;
      current = 0;
    } else if (ch === "半") {
      return null;
    } else {
      const digit = DIGITS[ch];
      if (digit === undefined) return null;
      current = digit;
    }
  }
  return value + current;
}

/** The character class of number words used inside patterns. */
export const CN_NUM = "[0-9]{1,2}|[一二两三四五六七八九十廿]{1,3}";
