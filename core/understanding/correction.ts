// Corrections of a request already registered: "不是东莞，是惠州", "R-0042 改成远程", "时间改到下周三".
// Only the part after the marker carries the new values; the old value ("东莞") must not be read as a change.

import { dayNumberOf } from "../calendar.ts";
import { scanDateTerms } from "./date-terms.ts";
import { detectMode, saysAlso } from "./mode.ts";
import { extractPlace } from "./places.ts";

const NOT_BUT = /不是\s*([^,，。;；!！?？]{1,20}?)\s*[,，、;；]?\s*(?:而)?是\s*([\s\S]{1,80})/;
const BUT_NOT = /(?:^|[,，\s])(?:应该)?是\s*([^,，。;；不]{1,20}?)\s*[,，]?\s*不是\s*[^,，。;；]{1,20}/;
const CHANGE_TO =
  /(?:改(?=远程|线上|现场|上门|视频)|改成|改为|改到|改在|改去|换成|换到|换为|更正为|更正成|更改为|更改成|修改为|修改成|调整为|调整到|调整成|挪到|推迟到|推到|延后到|延期到|提前到|变成|变更为|应该是|应该系|应是|应系|实际是|其实系|准确地?说是|改做|改返|转做|\bchange(?:d)?\s+(?:it\s+|that\s+|the\s+\w+\s+)?to\b|\bmove(?:d)?\s+(?:it\s+)?to\b|\bswitch(?:ed)?\s+(?:it\s+)?to\b|\bupdate(?:d)?\s+(?:it\s+)?to\b|\bshould\s+be\b|\bi\s+meant\b)\s*([\s\S]{1,80})/i;
const LABELLED = /^\s*(?:更正|纠正|修改|更改|改一下|correction)\s*[:：]\s*([\s\S]{1,80})/i;
const NOT_X_BUT_Y = /\bnot\s+([\w\s]{1,20}?)\s*,?\s+but\s+([\s\S]{1,80})/i;

// Softer markers ("Actually we are in Jiangmen", "搞错咗，其实系高明", "we're in Jiangmen, not Zhongshan"):
// ordinary words too, so they correct only when what follows names a place.
const SOFT = [
  /\bactually\b[,\s]*([\s\S]{1,80})/i,
  /(?:搞错咗|搞错了|搞错|弄错了|写错了|打错了|讲错咗|讲错了|说错了|其实|實際上|实际上)[,，\s]*(?:其实|实际上?)?(?:我们|我哋|我司|我们厂|我哋厂|公司|工厂|厂)?((?:系|是|喺|在|位于)[\s\S]{1,80})/,
  /\b((?:in|at)\s+[A-Za-z' ]{2,30}?)\s*,?\s+not\s+(?:in\s+)?[A-Za-z' ]{2,30}/i,
];

// Second thoughts ("算了，还是要现场嘅", "还是远程吧", "还是下周三好"): a change only when what follows says a mode, a
// place or a day; "还是不行" and "还是坏了" say nothing new.
const REVERT =
  /(?:^|[,，\s])(?:算了|算啦|唔好意思|不好意思|想了想|想一想|想清楚)?[,，\s]*还是(?:要|用|改回|改成|改返|做|搞|揾|搵|请|安排)?([\s\S]{1,40})/;

const NEGATED_OLD = /[,，]?\s*(?:而)?不是[^,，。;；]{0,20}|,?\s*\bnot\s+[^,.;]{0,30}/gi;

// What may stand before "改到": the field being corrected and politeness. Anything else ("周三的会改到周四")
// is about something other than a request.
const FIELD_WORDS =
  /时间|日期|地点|城市|地址|方式|服务方式|需求|要求|那个|这个|刚才|之前|写错了|写错咗|错了|搞错了|搞错咗|讲错咗|不好意思|唔好意思|对唔住|抱歉|麻烦|帮我|请|把|我们|我|的|吧|了|应该|也|就|上门|现场|不用|\b(?:sorry|please|it|the|date|time|city|place|location|mode|can\s+you|could\s+you)\b/gi;

const MODE_FILLER =
  /远程|线上|视频|现场|上门|过嚟|也|亦|都|可以|行|得|其实|实际上|不好意思|唔好意思|抱歉|啊|嘅|喔|哦|吧|咁|\b(?:sorry|actually|can|could|be|is|it|we|also|too|as|well|ok|fine|good|remote(?:ly)?|online|on|site|in|person|works|also)\b/gi;

/** Whether the message says nothing but a mode and politeness, so that a new request is not read as a change. */
function onlyTheMode(text: string): boolean {
  return text.replace(MODE_FILLER, "").replace(/[\s\p{P}\p{S}-]/gu, "").length <= 2;
}

/** Whether a second thought names something a request has: a mode, a place or a day. */
function saysAChange(text: string): boolean {
  return (
    detectMode(text) !== null ||
    extractPlace(text).city !== null ||
    scanDateTerms(text, dayNumberOf(new Date())).length > 0
  );
}

function prefixIsAField(prefix: string): boolean {
  const rest = prefix.replace(FIELD_WORDS, "").replace(/[\s\p{P}\p{S}]/gu, "");
  return rest.length <= 1;
}

/**
 * The text that holds the new values, or null when the message has no correction marker. `hasCode`: the message
 * names a request code, so whatever stands before the marker refers to that request.
 */
export function correctionTarget(text: string, hasCode = false): string | null {
  const target = findTarget(text, hasCode);
  return target === null ? null : target.replace(NEGATED_OLD, " ").trim();
}

function findTarget(text: string, hasCode: boolean): string | null {
  for (const pattern of [NOT_BUT, NOT_X_BUT_Y]) {
    const m = pattern.exec(text);
    if (m?.[2]) return m[2];
  }
  const labelled = LABELLED.exec(text);
  if (labelled?.[1]) return labelled[1];
  const change = CHANGE_TO.exec(text);
  if (change?.[1] && (hasCode || prefixIsAField(text.slice(0, change.index)))) {
    // "时间改到下周三": the word before the marker (时间, 地点) names the field, the rest the value.
    return change[1];
  }
  // "sorry, actually can be remote also", "其实远程也得": nothing but a widened mode.
  if (saysAlso(text) && text.length <= 40 && onlyTheMode(text)) return text;
  const revert = REVERT.exec(text);
  if (revert?.[1] && saysAChange(revert[1])) return revert[1];
  const butNot = BUT_NOT.exec(text);
  if (butNot?.[1]) return butNot[1];
  for (const pattern of SOFT) {
    const m = pattern.exec(text);
    if (m?.[1] && extractPlace(m[1].replace(NEGATED_OLD, " ")).city) return m[1];
  }
  return null;
}
