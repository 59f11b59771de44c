// Slash commands (/status R-0042) and the words that ask for the menu (帮助, help, 菜单).

const HELP_WORDS =
  /^(?:帮助|help|菜单|menu|使用说明|说明书|怎么用|如何使用|能做什么|你能做什么|功能|功能列表|指令|命令|commands?|\?|h)$/i;
const HELP_ALIASES = new Set(["帮助", "菜单", "menu", "h", "?", "说明", "命令", "指令"]);

export interface Command {
  name: string;
  args: string[];
}

export function parseCommand(text: string): Command | null {
  if (/^\s*[?？]\s*$/.test(text)) return { name: "help", args: [] };
  const trimmed = text.trim().replace(/[!。.！?？~]+$/, "");
  if (trimmed.startsWith("/")) {
    const words = trimmed.slice(1).trim().split(/\s+/).filter(Boolean);
    const first = (words[0] ?? "help").toLowerCase();
    return { name: HELP_ALIASES.has(first) ? "help" : first, args: words.slice(1) };
  }
  if (HELP_WORDS.test(trimmed) || trimmed === "?") return { name: "help", args: [] };
  return null;
}
