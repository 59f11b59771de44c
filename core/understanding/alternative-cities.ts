// Cities a request offers as alternatives: "广州或者佛山都可以", "深圳、东莞都行", "Guangzhou or Foshan is fine",
// "我们在广州，佛山也可以". Two cities merely mentioned ("我们是深圳的厂，之前请过广州的专家") are not a choice.
import { placeHitsIn } from "./places.ts";
import { foldText } from "./term-matcher.ts";

/** What may stand between two cities of one list: a separator, "or", "and", or nothing (广州佛山都可以). */
const JOIN = /^\s*(?:[、,，/&+和及与跟同或]|或者|或是|还是|以及|\bor\b|\band\b)?\s*(?:市)?\s*$/i;
/** An explicit "or" between two cities: a choice even with nothing after it. */
const OR = /或|还是|\bor\b|\//i;
/** After a list: any of them will do. */
const ANY =
  /^\s*(?:市)?\s*(?:都|均|也|亦)(?:可以|可|行|得|ok|没问题|冇问题|方便)|^\s*(?:市)?\s*(?:随便|任一|哪个都)|^\s*,?\s*(?:(?:is|are)\s+(?:both\s+)?(?:fine|ok|okay)|both\s+(?:ok|okay|fine|work)|either\s+(?:is\s+fine|works|one|way)|whichever|works)\b/i;

/** The cities offered as alternatives, in the order written; [] unless at least two are. */
export function extractAlternativeCities(text: string): string[] {
  const folded = foldText(text);
  const hits = placeHitsIn(folded);
  let best: string[] = [];
  let chain: string[] = [];
  let or = false;
  const close = (end: number) => {
    const cities = [...new Set(chain)];
    if (cities.length >= 2 && (or || ANY.test(folded.slice(end, end + 24))) && cities.length > best.length) {
      best = cities;
    }
  };
  for (const [i, hit] of hits.entries()) {
    const previous = hits[i - 1];
    const gap = previous ? folded.slice(previous.end, hit.start) : "";
    // A district of the city just named (佛山南海) belongs to it, not to a list.
    if (previous && previous.city === hit.city && gap.trim() === "") continue;
    if (previous && JOIN.test(gap)) {
      chain.push(hit.city);
      if (OR.test(gap)) or = true;
      continue;
    }
    // "我们在广州，佛山也可以": the second city said to do as well.
    if (
      previous &&
      /^\s*[,，]\s*$/.test(gap) &&
      /^\s*(?:也|亦)(?:可以|可|行|得|ok)/i.test(folded.slice(hit.end, hit.end + 6))
    ) {
      chain.push(hit.city);
      or = true;
      continue;
    }
    if (previous) close(previous.end);
    chain = [hit.city];
    or = false;
  }
  const last = hits[hits.length - 1];
  if (last) close(last.end);
  return best;
}
