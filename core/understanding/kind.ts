// What kind of help a request asks for. Checked from the most specific to the most general, because a
// commercialisation or training request usually also mentions a technical problem.

import type { HelpKind } from "./types.ts";

const KINDS: Array<[HelpKind, RegExp]> = [
  [
    "commercialisation",
    /成果转化|联合攻关|产品化|产业化|转化落地|技术转让|专利转化|商业化|量产落地|\bcommerciali[sz](?:e|ation|ing)\b|\bproductis(?:e|ation)\b|\bproductiz(?:e|ation)\b|\btech(?:nology)?\s+transfer\b|\bjoint\s+(?:r&d|research|development)\b/i,
  ],
  [
    "training",
    /培训|传帮带|带徒|师带徒|带一带|带带|带新人|带年轻|授课|上课|教学|培养|实操课|技能提升|\btraining\b|\btrain\s+(?:our|the|my|\d+)\b|\bapprentice|\bmentor(?:ing)?\b|\bteach\b/i,
  ],
  [
    "talk",
    /宣讲|讲座|报告会|做报告|作报告|做个报告|专题报告|分享会|讲一讲|讲一课|讲一堂|讲讲|劳模精神|工匠精神|\btalk\b|\blecture\b|\bseminar\b|\bspeech\b|\bkeynote\b/i,
  ],
  [
    "tech_support",
    /技术攻关|攻关|故障|排查|难题|技术支持|技术指导|技术问题|问题|解决|维修|检修|调试|报警|不良|良率|异常|坏了|指导|诊断|优化|改造|升级|卡住|搞不定|没搞定|\btroubleshoot|\bfix\b|\bproblems?\b|\bissues?\b|\bfault|\brepair|\btechnical\s+(?:support|help|guidance)\b|\bguidance\b|\bdefects?\b|\bfailures?\b|\byield\b|\bdrifts?\b|\boverheat|\bbroken\b|\bnot\s+working\b|\bhelp\s+with\b/i,
  ],
];

export function detectKind(text: string): HelpKind | null {
  for (const [kind, pattern] of KINDS) if (pattern.test(text)) return kind;
  return null;
}
