// A service team named by its Chinese name, its key or its English name -> the key of teams.json.
import teams from "../understanding/knowledge/teams.json" with { type: "json" };

export interface ServiceTeamEntry {
  key: string;
  zh: string;
  en: string;
}

export const serviceTeams: readonly ServiceTeamEntry[] = teams;

const simplify = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/(服务队|team)$/, "")
    .replace(/[\s_-]+/g, "");

const byName = new Map<string, string>();
for (const team of serviceTeams) {
  for (const name of [team.key, team.zh, team.en]) byName.set(simplify(name), team.key);
}

/** The team key, or null for an empty cell or a team the programme does not have. */
export function resolveTeam(cell: string): string | null {
  const text = simplify(cell);
  return text === "" ? null : (byName.get(text) ?? null);
}
