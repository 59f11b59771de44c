// What an expert says about their own profile: "我的资料", "我的城市改成佛山", "技能加上 五轴编程",
// "电话改成 139…", "同意". Only explicit forms count: a loose guess would rewrite someone's roster entry.

export type ProfileField = "city" | "phone" | "employer" | "title";
export type ProfileList = "skills" | "cities";

export type ProfileEdit =
  | { kind: "show" }
  | { kind: "consent" }
  | { kind: "set"; field: ProfileField; value: string }
  | { kind: "add" | "remove"; list: ProfileList; value: string };

const to = String.raw`\s*(?:改成|改为|换成|更新为|更改为|修改为|变成|变为|是)\s*[:：]?\s*`;
const add = String.raw`\s*(?:加上|增加|添加|新增|补充|加)\s*[:：]?\s*`;
const remove = String.raw`\s*(?:去掉|删除|删掉|移除|去除|减去)\s*[:：]?\s*`;
const mine = "(?:把)?(?:我的)?";

const fieldWords: Record<ProfileField, string> = {
  city: "(?:所在城市|常驻城市|城市|所在地)",
  phone: "(?:联系电话|手机号码|电话号码|手机号|手机|电话)",
  employer: "(?:工作单位|单位)",
  title: "(?:职务|职称|岗位)",
};
const listWords: Record<ProfileList, string> = {
  skills: "(?:技能专长|技能|专长)",
  cities: "(?:服务城市|可去城市|可去的城市)",
};

const englishSet: [RegExp, ProfileField][] = [
  [/^(?:change|set|update)\s+my\s+city\s+to\s+(.+)$|^my\s+city\s+is\s+(.+)$/i, "city"],
  [
    /^(?:change|set|update)\s+my\s+(?:phone|mobile)(?:\s+number)?\s+to\s+(.+)$|^my\s+(?:phone|mobile)(?:\s+number)?\s+is\s+(.+)$/i,
    "phone",
  ],
  [/^(?:change|set|update)\s+my\s+employer\s+to\s+(.+)$|^my\s+employer\s+is\s+(.+)$/i, "employer"],
  [/^(?:change|set|update)\s+my\s+(?:job\s+)?title\s+to\s+(.+)$|^my\s+(?:job\s+)?title\s+is\s+(.+)$/i, "title"],
];

const show =
  /^(?:查看|看看|看一下|显示)?(?:我的|本人)(?:个人)?(?:资料|档案|信息|简介|名片|资料卡)$|^(?:show\s+|view\s+|see\s+)?my\s+profile$/i;
const consent = /^(?:我|本人)?(?:同意|愿意)(?:被联系|联系|授权)?$|^(?:i\s+)?(?:agree|consent)$/i;

/** The profile edit a message makes, or null when it is about something else. */
export function parseProfileEdit(message: string): ProfileEdit | null {
  const text = message
    .replace(/@\S+/g, "")
    .trim()
    .replace(/[。.!！~～]+$/, "")
    .trim();
  if (!text || /\bR\s*[-－—_]?\s*\d{1,6}\b/i.test(text)) return null;
  if (show.test(text)) return { kind: "show" };
  if (consent.test(text)) return { kind: "consent" };
  for (const [field, words] of Object.entries(fieldWords) as [ProfileField, string][]) {
    const value = new RegExp(`^${mine}${words}${to}(.+)$`).exec(text)?.[1]?.trim();
    if (value) return { kind: "set", field, value };
  }
  for (const [list, words] of Object.entries(listWords) as [ProfileList, string][]) {
    const added = new RegExp(`^${mine}${words}${add}(.+)$`).exec(text)?.[1]?.trim();
    if (added) return { kind: "add", list, value: added };
    const removed = new RegExp(`^${mine}${words}${remove}(.+)$`).exec(text)?.[1]?.trim();
    if (removed) return { kind: "remove", list, value: removed };
  }
  for (const [pattern, field] of englishSet) {
    const match = pattern.exec(text);
    const value = (match?.[1] ?? match?.[2])?.trim();
    if (value) return { kind: "set", field, value };
  }
  const english = /^(add|remove)\s+(?:the\s+)?(skills?|cities|city)\s*:?\s*(.+)$/i.exec(text);
  if (english?.[1] && english[2] && english[3]) {
    return {
      kind: english[1].toLowerCase() === "add" ? "add" : "remove",
      list: english[2].toLowerCase().startsWith("skill") ? "skills" : "cities",
      value: english[3].trim(),
    };
  }
  return null;
}
