// Signals that separate a help request from an expert's availability and from chatter, and the rule that
// picks one intent. Order matters: explicit forms (command, choice number, rating, cancel, correction) first,
// then the short answers to an offer, then availability and requests, and chatter for the rest.

import type { Intent } from "./types.ts";

/** An explicit ask for help. */
export const ASK =
  /求助|求救|求援|救急|急需|求个|求推荐|求(?:一位|个|位)?(?:老?师傅|专家|老师|大神|高手)|请[^,.!?;，。！？；\n]{0,8}(?:专家|师傅|老师|工匠|劳模|大师|高手|技师|工程师|大佬)|派[^,.!?;，。！？；\n]{0,4}(?:专家|师傅|人|老师|技师|工程师|工匠)|找[^,.!?;，。！？；\n]{0,6}(?:专家|师傅|老师|工匠|劳模|高手|懂行|懂的)|有没有(?:人|专家|师傅|老师|懂|会|大神|高手|工匠|劳模|谁)|有谁|谁(?:懂|会|能|可以|有经验)|需要[^,.!?;，。！？；\n]{0,8}(?:专家|师傅|老师|技术|支持|帮助|帮忙|指导|协助|人手)|想请|想找|要人|要[^,.!?;，。！？；\n]{0,4}(?:专家|师傅|老师)|希望[^,.!?;，。！？；\n]{0,6}(?:专家|师傅|老师|工匠|劳模|安排)|(?:有|有没有)(?:什么)?(?:好)?办法|有办法吗|怎么准备|(?:能|可以|可否|能不能)[^,.!?;，。！？；\n]{0,8}(?:吗|么)|能不能|可不可以|帮忙|帮帮|帮我们|帮一下|帮看|支援|指导一下|技术支持|来看看|过来看|上门看|\bneeds?\s+(?:help|an?\s+expert|support|someone|assistance|advice|guidance)\b|\blooking\s+for\b|\bcan\s+(?:someone|anyone|an\s+expert|you\s+(?:send|find|help))\b|\banyone\s+(?:who|know|able|here)\b|\bany\s+experts?\b|\bplease\s+send\b|\bsend\s+someone\b|\bhelp\s+(?:us|with|needed)\b|\bhelp!|\bexperts?\b|\bmaster\s+craftsm[ae]n\b|\bwe\s+need\b/i;

/** A problem, defect or service word that only an enterprise would write. */
export const PROBLEM =
  /故障|报警|坏了|坏掉|不良|良率|良品率|合格率|不合格|不过关|废品|次品|报废|异常|问题|难题|卡住|卡死|搞不定|没搞定|解决不了|弄不好|调不好|不稳定|不达标|超标|超差|偏差|泄漏|漏油|漏水|漏气|裂纹|开裂|磨损|损耗|停机|停产|停线|毛刺|毛边|飞边|变形|缩水|气泡|起泡|空洞|断线|掉线|断针|跳线|死机|误差|误报|漏检|漂移|虚焊|流挂|划伤|色差|偏色|异响|噪音|振动|过热|发热|短路|跳闸|延迟|死苗|病虫害|染菌|结圈|不准|不均|不匀|不够|不足|太快|太短|太高|太低|太慢|偏大|偏小|偏高|偏低|老是|总是|一直|频繁|效率低|能耗高|不会|怎么办|咋办|怎么弄|怎么解决|如何解决|攻关|培训|讲座|宣讲|传帮带|带徒|成果转化|产品化|转化|认证|改造|升级|优化|评估|\bproblems?\b|\bissues?\b|\bfault\b|\bfailures?\b|\bfail(?:s|ing)?\b|\bdefects?\b|\bbroken\b|\btrouble\b|\balarms?\b|\bnot\s+working\b|\btrain(?:ing)?\b|\bworkshop\b|\btalk\b|\blecture\b|\byield\b|\bcertification\b|\boverheat(?:ing|s)?\b|\bdrifts?\b|\bcalibration\b|\bleaks?\b|\bcracks?\b|\bwear\b|\bnoise\b|\bwarp(?:s|ing)?\b|\bdelay\b|\bout\s+of\s+spec\b|\bdropped\b|\bkeeps\b/i;

/** An enterprise speaking about itself rather than an expert about their time. */
export const ENTERPRISE_VOICE =
  /我们|我司|我厂|本厂|厂里|公司|企业|车间|工厂|厂区|产线|生产线|我们厂|\bwe\b|\bour\b|\bus\b|\bplant\b|\bfactory\b/i;

/** An expert offering time. */
export const AVAILABLE =
  /有空(?![洞间调])|有时间|空闲|能接|可以接|接单|方便|都行|都可以|可以约|可约|可以安排|可以过去|能过去|可以去|能去|可以上门|\bavailable\b|\bfree\b|\bi\s+can\s+(?:do|help|come|go|make)\b/i;

/** A weaker yes that only counts with days or hours and nothing of a request: "周二下午可以", "remote ok". */
export const POSITIVE = /可以|行|ok|\bcan\b|\bfine\b/i;

/** The expert speaking of themself; 我们/我司/我厂 are an enterprise. */
export const FIRST_PERSON = /我(?!们|司|厂)|本人|\bI\b|\bI'm\b|\bI\s+am\b|\bme\b/;

/** Short social messages that never carry a request, even with a stray keyword. */
export const CHATTER =
  /^(?:哈+|呵+|嘿+|嗯+|哦+|噢+|好的?|好嘞|收到|了解|明白|知道了|谢谢|谢谢大家|感谢|多谢|辛苦了|早|早上好|晚安|大家好|你好|您好|在吗|在不在|ok|okay|ok thanks|thanks|thank you|thx|lol|haha|good morning|hi|hello|hey|noted|got it|\+1|1+|66+|888)[\s!.~,，。！～]*$/i;

export interface IntentSignals {
  empty: boolean;
  command: boolean;
  choice: boolean;
  rating: boolean;
  cancel: boolean;
  correction: boolean;
  offerReply: boolean;
  solved: boolean;
  thanks: boolean;
  code: boolean;
  pauseOrResume: boolean;
  available: boolean;
  positive: boolean;
  firstPerson: boolean;
  dateOrTime: boolean;
  /** Weekdays said as a habit, or hours of the day. */
  slotsSaid: boolean;
  modeSaid: boolean;
  ask: boolean;
  problem: boolean;
  urgent: boolean;
  skills: boolean;
  place: boolean;
  enterpriseVoice: boolean;
  chatterForm: boolean;
  length: number;
}

export function decideIntent(s: IntentSignals): Intent {
  if (s.empty) return "chatter";
  if (s.command) return "command";
  if (s.choice) return "offer_reply";
  if (s.rating) return "feedback";
  const requestLike =
    s.ask || ((s.problem || s.urgent) && (s.skills || s.enterpriseVoice || s.place)) || (s.skills && s.place);
  if (s.cancel && !(s.ask && s.length > 30)) return "cancel";
  if (s.correction && (s.code || !requestLike || s.length <= 30)) return "correction";
  if (s.pauseOrResume && !requestLike && s.length <= 40 && !s.slotsSaid && !s.offerReply) return "availability";
  if (s.offerReply) return "offer_reply";
  if (s.solved && !s.ask) return "feedback";
  if (s.thanks && s.code) return "feedback";
  if (s.chatterForm) return "chatter";
  if (s.pauseOrResume && !requestLike) return "availability";
  const timeSaid = s.dateOrTime || s.modeSaid || s.place;
  if (s.available && timeSaid && !requestLike && !(s.enterpriseVoice && s.problem)) return "availability";
  // An expert's own voice with days or hours: "本人每周六可以带徒弟" is an offer of time, not a request.
  if (s.firstPerson && (s.available || s.positive) && s.slotsSaid && !s.ask && !s.enterpriseVoice) {
    return "availability";
  }
  // "Tuesday and Thursday afternoons, remote ok": days and hours with nothing of a request.
  if (s.slotsSaid && (s.available || s.positive) && !requestLike && !s.enterpriseVoice && !s.skills && !s.problem) {
    return "availability";
  }
  if (requestLike || s.problem || s.skills) return "request";
  return "chatter";
}
