// How an expert can serve: on site, remotely or both, from the words rosters actually use.

export interface ServiceModes {
  canOnsite: boolean;
  canRemote: boolean;
}

const onsiteWords = new Set([
  "现场",
  "线下",
  "上门",
  "到场",
  "驻场",
  "实地",
  "到厂",
  "onsite",
  "on-site",
  "offline",
  "inperson",
  "in-person",
]);
const remoteWords = new Set(["远程", "线上", "在线", "视频", "网络", "remote", "online", "video"]);
const bothWords = new Set([
  "both",
  "either",
  "any",
  "均可",
  "都可",
  "都可以",
  "皆可",
  "不限",
  "现场远程",
  "线上线下",
  "线下线上",
]);

/** Same default as the Expert model: on site only, when the roster says nothing. */
export const defaultModes: ServiceModes = { canOnsite: true, canRemote: false };

/** Parses a modes cell; null when a word in it means neither (the caller rejects the row). */
export function parseModes(cell: string): ServiceModes | null {
  const tokens = cell
    .toLowerCase()
    .split(/[;；、,，/／+＋&\s]+|或|和|及|与/)
    // "现场服务", "现场远程均可": the trailing words add nothing once something precedes them.
    .map((token) =>
      token
        .replace(/服务$/, "")
        .replace(/(.+?)(均可|皆可|都可以|都可)$/, "$1")
        .trim(),
    )
    .filter((token) => token.length > 0);
  if (tokens.length === 0) return { ...defaultModes };
  const modes = { canOnsite: false, canRemote: false };
  for (const token of tokens) {
    if (bothWords.has(token)) {
      modes.canOnsite = true;
      modes.canRemote = true;
    } else if (onsiteWords.has(token)) modes.canOnsite = true;
    else if (remoteWords.has(token)) modes.canRemote = true;
    else return null;
  }
  return modes;
}
