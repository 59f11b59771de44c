// Column names a roster may use, English or Chinese, mapped to one field each.

export const rosterFields = [
  "id",
  "name",
  "honours",
  "employer",
  "title",
  "city",
  "team",
  "skills",
  "achievements",
  "modes",
  "phone",
  "district",
  "cities",
] as const;

export type RosterField = (typeof rosterFields)[number];

/** The contract's headers (DESIGN.md, contract 1), in order; district and cities are optional extras. */
export const englishHeaders: Record<RosterField, string> = {
  id: "id",
  name: "name",
  honours: "honours",
  employer: "employer",
  title: "title",
  city: "city",
  team: "team",
  skills: "skills",
  achievements: "achievements",
  modes: "modes",
  phone: "phone",
  district: "district",
  cities: "cities",
};

export const chineseHeaders: Record<RosterField, string> = {
  id: "编号",
  name: "姓名",
  honours: "荣誉称号",
  employer: "工作单位",
  title: "职务",
  city: "城市",
  team: "服务队",
  skills: "技能专长",
  achievements: "主要业绩",
  modes: "服务方式",
  phone: "联系电话",
  district: "区县",
  cities: "可服务城市",
};

// Variants seen in hand-made spreadsheets, besides the two canonical sets above.
const variants: Record<RosterField, string[]> = {
  id: ["序号编号", "人员编号", "工号"],
  name: ["名字"],
  honours: ["honors", "荣誉", "获得荣誉"],
  employer: ["单位", "所在单位", "company"],
  title: ["职称", "职务职称", "岗位"],
  city: ["所在城市", "地市", "所在地市"],
  team: ["所属服务队", "服务队伍", "service team"],
  skills: ["技能", "专长", "技术专长"],
  achievements: ["业绩", "主要成就", "achievement"],
  modes: ["mode", "服务形式"],
  phone: ["电话", "手机", "手机号", "联系方式", "mobile"],
  district: ["区", "所在区县", "所在区"],
  cities: ["服务城市", "可服务地区"],
};

/** Trimmed, lower-case, without inner spaces, BOM or a "required" star. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/[*＊]+$/, "")
    .replace(/\s+/g, "")
    .toLowerCase();
}

const aliasToField = new Map<string, RosterField>();
for (const field of rosterFields) {
  for (const alias of [englishHeaders[field], chineseHeaders[field], ...variants[field]]) {
    aliasToField.set(normaliseHeader(alias), field);
  }
}

/** Column index of each known field; the first column wins when a field appears twice. */
export function mapHeader(cells: string[]): Partial<Record<RosterField, number>> {
  const columns: Partial<Record<RosterField, number>> = {};
  cells.forEach((cell, index) => {
    const field = aliasToField.get(normaliseHeader(cell));
    if (field && columns[field] === undefined) columns[field] = index;
  });
  return columns;
}

/** A header is recognisable when it names at least the id and the name columns. */
export function isRosterHeader(columns: Partial<Record<RosterField, number>>): boolean {
  return columns.id !== undefined && columns.name !== undefined;
}
