// Which roster people a message names: "想请刘建华师傅来看看", "we'd like Liu Jianhua to come". Only full names of
// two or more characters count, longest first (刘建华 before 刘建); a name inside a company name
// ("刘建华机械厂", "李建国五金有限公司") names the company, not the person.

import { findEnterprise } from "./enterprise.ts";

// What follows a name when it starts a company name: a few words, then the kind of business.
const COMPANY_AFTER =
  /^[\u4e00-\u9fff]{0,6}?(?:股份有限公司|有限责任公司|有限公司|公司|集团|工厂|制造厂|厂|研究所|研究院|工作室|商行|门市部)/;
// Words that make the name a person even when a factory follows: 刘建华师傅来我们厂.
const PERSON_AFTER = /^(?:师傅|老师|大师|工程师|师|工|同志|先生|女士|来|去|到|帮|给|的|指导|看|过来)/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether the occurrence of `name` at `at` is part of a company's name rather than the person. */
function inCompanyName(text: string, name: string, at: number, enterprise: string | null): boolean {
  if (enterprise?.includes(name)) return true;
  const after = text.slice(at + name.length);
  return !PERSON_AFTER.test(after) && COMPANY_AFTER.test(after);
}

/** The roster names `text` names, in the order they appear; each name at most once. */
export function namedPeople(text: string, names: readonly string[]): string[] {
  const enterprise = findEnterprise(text);
  const candidates = [...new Set(names.map((name) => name.trim()).filter((name) => [...name].length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  const taken: boolean[] = new Array(text.length).fill(false);
  const found: { name: string; at: number }[] = [];
  for (const name of candidates) {
    // Latin names are whole words, any case; Chinese names are matched as written.
    const latin = /^[\x20-\x7e]+$/.test(name);
    const pattern = new RegExp(latin ? `\\b${escapeRegExp(name)}\\b` : escapeRegExp(name), latin ? "gi" : "g");
    for (const match of text.matchAll(pattern)) {
      const at = match.index;
      if (taken.slice(at, at + name.length).some(Boolean)) continue;
      taken.fill(true, at, at + name.length);
      if (inCompanyName(text, match[0], at, enterprise)) continue;
      if (!found.some((hit) => hit.name === name)) found.push({ name, at });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((hit) => hit.name);
}
