// Whether a message addresses the bot, and the message without @-mentions. normalize() has already turned
// the U+2005 space WeChat puts after a mention into a plain space.

const DEFAULT_NAMES = ["匠桥", "craftbridge"];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function stripMentions(text: string, botName?: string): { text: string; addressed: boolean } {
  const names = [...new Set([botName?.trim(), ...DEFAULT_NAMES].filter((n): n is string => !!n && n.length <= 40))];
  const alternatives = names.map(escapeRegExp).join("|");
  const atBot = new RegExp(`@\\s?(?:${alternatives})(?![\\w])`, "gi");
  let addressed = false;
  let rest = text.replace(atBot, () => {
    addressed = true;
    return " ";
  });
  // Calling the bot by name at the start ("匠桥，帮我找个师傅") addresses it too.
  const byName = new RegExp(`^\\s*(?:${alternatives})\\s*[,:：，、\\s]`, "i");
  if (byName.test(rest)) {
    addressed = true;
    rest = rest.replace(byName, " ");
  } else if (new RegExp(`(?:${alternatives})`, "i").test(rest)) {
    addressed = true;
  }
  // Other people's mentions (@张工, Lark's @_user_1) carry names, not content.
  rest = rest.replace(/(^|\s)@[^\s@]{1,20}/g, "$1");
  return { text: rest.replace(/ {2,}/g, " ").trim(), addressed };
}
