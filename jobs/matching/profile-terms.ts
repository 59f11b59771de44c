// Terms for retrieval over the whole profile and over a request: Chinese character bigrams (robust to
// segmentation and to free-text skills outside the taxonomy), jieba words of three or more characters
// (an exact word such as 变频器 or 梯形图 counts beyond its bigrams) and Latin words (PLC, ROV, UG).
import { segment } from "../../core/understanding/segmenter.ts";
import { foldText } from "../../core/understanding/term-matcher.ts";

const CJK_RUN = /[\u3400-\u9fff]+/g;
const CJK_WORD = /^[\u3400-\u9fff]{3,}$/;
const LATIN_WORD = /[a-z][a-z0-9]+/g;

/** A profile field and how much a term found in it says about what the expert can do. */
export const FIELD_WEIGHTS = {
  skills: 3,
  title: 1.5,
  achievements: 1,
  employer: 0.5,
  honours: 0.3,
} as const;

export type ProfileField = keyof typeof FIELD_WEIGHTS;

/**
 * Chat filler of requests ("有没有懂…的师傅", "急求", "帮忙看看"): it says nothing about the skill, and
 * matching it against profiles (老师傅, 技术) only adds noise.
 */
const FILLER = [
  "有没有",
  "有懂",
  "懂行",
  "懂的",
  "老师傅",
  "师傅",
  "老师",
  "专家",
  "工匠",
  "大国工匠",
  "劳模",
  "指点",
  "指导",
  "支招",
  "帮忙",
  "帮我们",
  "帮我",
  "看看",
  "看一下",
  "来看",
  "上门",
  "能来",
  "过来",
  "请问",
  "急求",
  "求助",
  "求懂",
  "急需",
  "需要",
  "想找",
  "找人",
  "我们",
  "我们的",
  "我司",
  "公司",
  "厂里",
  "厂子",
  "工厂",
  "企业",
  "这边",
  "那边",
  "问题",
  "难题",
  "老是",
  "总是",
  "一直",
  "很久",
  "头疼",
  "怎么",
  "如何",
  "什么",
  "为什么",
  "解决",
  "一下",
  "现在",
  "特别",
  "非常",
  "还是",
  "没有",
  "都没",
  "好几",
  "级别",
  "类似",
  "做过",
  "会修",
  "不会",
  "急死",
  "耽误",
];
const FILLER_PATTERN = new RegExp(FILLER.sort((a, b) => b.length - a.length).join("|"), "g");

function addBigrams(run: string, out: string[]): void {
  for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
}

/**
 * Fields whose jieba words add nothing their bigrams do not (an employer's or an honour's name is matched
 * whole by its bigrams): segmenting them only slows the index build.
 */
export const BIGRAMS_ONLY: ReadonlySet<ProfileField> = new Set(["employer", "honours"]);

/** Terms of a profile text, with repeats (term frequency counts); `words`: jieba words too. */
export function profileTerms(text: string, words = true): string[] {
  const folded = foldText(text);
  const terms: string[] = [];
  for (const run of folded.match(CJK_RUN) ?? []) addBigrams(run, terms);
  for (const word of folded.match(LATIN_WORD) ?? []) terms.push(word);
  if (words && /[\u3400-\u9fff]{3}/.test(folded)) {
    for (const word of segment(folded)) if (CJK_WORD.test(word)) terms.push(word);
  }
  return terms;
}

/** Distinct terms of a request, filler words left out. */
export function requestTerms(text: string): string[] {
  const folded = foldText(text).replace(FILLER_PATTERN, " ");
  return [...new Set(profileTerms(folded))];
}
