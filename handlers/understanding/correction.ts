// Corrections of a request already registered: "不是东莞，是惠州", "R-0042 改成远程", "时间改到下周三".
// Only the part after the marker carries the new values; the old value ("东莞") must not be read as a change.

const NOT_BUT = /不是\s*([^,，。;；!！?？]{1,20}?)\s*[,，、;；]?\s*(?:而)?是\s*([\s\S]{1,80})/;
const BUT_NOT = /(?:^|[,，\s])(?:应该)?是\s*([^,，。;；不]{1,20}?)\s*[,，]?\s*不是\s*[^,，。;；]{1,20}/;
const CHANGE_TO =
  /(?:改成|改为|改到|改在|改去|换成|换到|换为|更正为|更正成|更改为|更改成|修改为|修改成|调整为|调整到|调整成|挪到|推迟到|推到|延后到|延期到|提前到|变成|变更为|应该是|应是|实际是|准确地?说是|\bchange(?:d)?\s+(?:it\s+|that\s+|the\s+\w+\s+)?to\b|\bmove(?:d)?\s+(?:it\s+)?to\b|\bswitch(?:ed)?\s+(?:it\s+)?to\b|\bupdate(?:d)?\s+(?:it\s+)?to\b|\bshould\s+be\b|\bi\s+meant\b)\s*([\s\S]{1,80})/i;
const LABELLED = /^\s*(?:更正|纠正|修改|更改|改一下|correction)\s*[:：]\s*([\s\S]{1,80})/i;
const NOT_X_BUT_Y = /\bnot\s+([\w\s]{1,20}?)\s*,?\s+but\s+([\s\S]{1,80})/i;

const NEGATED_OLD = /[,，]?\s*(?:而)?不是[^,，。;；]{0,20}|,?\s*\bnot\s+[^,.;]{0,30}/gi;

/** The text that holds the new values, or null when the message has no correction marker. */
export function correctionTarget(text: string): string | null {
  const target = findTarget(text);
  return target === null ? null : target.replace(NEGATED_OLD, " ").trim();
}

function findTarget(text: string): string | null {
  for (const pattern of [NOT_BUT, NOT_X_BUT_Y]) {
    const m = pattern.exec(text);
    if (m?.[2]) return m[2];
  }
  const labelled = LABELLED.exec(text);
  if (labelled?.[1]) return labelled[1];
  const change = CHANGE_TO.exec(text);
  if (change?.[1]) {
    // "时间改到下周三": the word before the marker (时间, 地点) names the field, the rest the value.
    return change[1];
  }
  const butNot = BUT_NOT.exec(text);
  if (butNot?.[1]) return butNot[1];
  return null;
}
