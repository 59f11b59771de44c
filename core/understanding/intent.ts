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

/**
 * An ask that only someone who wants help writes: for an expert, a master, support, a fix. Unlike ASK it leaves out
 * "有没有人", "能不能…吗" and "谁", which groups use all day for lunch, parcels and keys.
 */
export const HELP_ASK =
  /求助|求救|求援|救急|急需|求(?:一位|个|位)?(?:老?师傅|专家|老师|大神|高手|大佬|指导|支援|解决|帮忙|帮助)|请[^,.!?;，。！？；\n]{0,8}(?:专家|师傅|老师|工匠|劳模|大师|高手|技师|工程师|大佬)|派[^,.!?;，。！？；\n]{0,4}(?:专家|师傅|人|老师|技师|工程师|工匠)|(?:找|搵)[^,.!?;，。！？；\n]{0,6}(?:专家|师傅|老师|工匠|劳模|高手|懂行|懂的|识嘅|大神)|有(?:没有|冇|无)(?:专家|老?师傅|老师|大神|高手|工匠|劳模|大佬|懂行)|有(?:没有|冇|无)(?:人|边个|谁)?(?:懂|会修|会调|会弄|会搞|識|识|熟悉|了解|擅长|搞过|做过|处理过|遇到过|有经验|精通|能帮|可以帮)|(?:能不能|可不可以|可以|能否|可否|能)(?:请|派|安排|帮)|^需求[:：]|需求[:：]|怎么(?:准备|申请|入手)|(?:谁|边个|邊個|哪位)(?:懂|会(?:修|调|弄|搞|处理|解决)|識|识|熟悉|有经验|搞过|做过|遇到过|能帮|可以帮)|需要[^,.!?;，。！？；\n]{0,8}(?:专家|师傅|老师|技术|支持|帮助|帮忙|指导|协助|人手|培训|宣讲|讲座)|想(?:请|找|搵|约)|希望[^,.!?;，。！？；\n]{0,6}(?:专家|师傅|老师|工匠|劳模|安排|指导|帮)|(?:有|有没有|有冇)(?:什么|乜|咩)?(?:好)?(?:办法|方法|建议|思路)|怎么办|咋办|咋整|咋弄|咋搞|怎么整|点算|点搞|点整|求推荐[^,.!?;，。！？；\n]{0,8}(?:专家|老?师傅|老师|高手)|怎么(?:解决|处理|搞|弄|调|修)|如何(?:解决|处理|改善|提高|降低)|帮(?:忙|手|帮|我们|我哋|下手|一下|看|睇|诊断)|支援|指导(?:一下|下)|技术支持|(?<!我|我们|我哋)(?:来|过来|上门|过嚟)(?:看看|看一下|看下|睇下|睇睇|指导|处理|帮忙|调试)|(?:能|可以|能不能|可不可以|可唔可以|得唔得)(?:派人)?(?:来|过来|过嚟|上门|到厂|远程|视频|线上|在线)[^,.!?;，。！？；\n]{0,6}(?:吗|么|嘛|呢|\?)|指导(?:一下|下)?(?:就可以|就行|就好|吗|么|呢)|要(?:个|位|一位|一个)?(?:专家|老?师傅|老师|人)(?:来|把关|指导|看|帮|过来)|\bneeds?\s+(?:help|an?\s+expert|support|someone|assistance|advice|guidance)\b|\blooking\s+for\s+(?:an?\s+)?(?:expert|master|engineer|specialist|someone\s+who)\b|\bcan\s+(?:someone|anyone|an\s+expert|you)\s+(?:help|send|find|come|advise|look|take\s+a\s+look)\b|\banyone\s+(?:who\s+(?:knows|can|has)|able\s+to|familiar|with\s+experience)\b|\bany\s+experts?\b|\bplease\s+(?:send|help)\b|\bsend\s+(?:someone|an\s+expert)\b|\bhelp\s+(?:us|needed|me)\b|\bhelp!|\bhow\s+(?:do|can|should)\s+(?:we|i)\s+(?:fix|solve|stop|reduce|improve|deal)\b|\bhow\s+to\s+(?:fix|solve|stop|reduce|avoid|prevent)\b|\b(?:anyone|anybody|someone)\s+knows?\s+(?:how|a\s+fix|what|why)\b|\bany\s+(?:ideas|advice|suggestions|fix)\b|\bwe\s+need\s+(?:an?\s+)?(?:expert|master|help|someone|training|support)\b|\bneeds?\s+(?:an?\s+)?[\w\s-]{0,40}?(?:expert|master|mentor|specialist|engineer|trainer)\b|\blooking\s+for\s+(?:an?\s+)?[\w\s-]{0,40}?(?:expert|master|mentor|specialist|engineer|trainer)\b|\bcould\s+(?:an?\s+)?(?:expert|someone|anyone)\s+(?:come|help|visit|look)\b/i;

/** A fault or symptom: what makes a technical line a problem rather than news about a machine. */
export const SYMPTOM =
  /故障|报警|报错|坏了|坏掉|坏咗|唔work|不良|良率|良品率|合格率|不合格|不过关|废品|次品|报废|异常|卡住|卡死|搞不定|没搞定|搞唔掂|解决不了|弄不好|调不好|不稳定|不达标|超标|超差|偏差|偏移|泄漏|漏油|漏水|漏气|裂纹|开裂|磨损|停机|毛刺|毛边|飞边|变形|缩水|气泡|起泡|空洞|断线|掉线|断针|跳线|死机|误差|误报|漏检|漂移|虚焊|连锡|流挂|划伤|色差|偏色|异响|噪音|振动|过热|发热|短路|跳闸|不准|不均|不匀|上不去|下不来|出问题|有问题|问题|气孔|砂眼|缩孔|夹渣|开胶|脱胶|生锈|锈蚀|腐蚀|起皱|溢料|烧焦|粘模|卡料|堵料|打滑|松动|脱落|漏电|错位|不过关|过不了|通不过|检测不过|测试不过|接不上|连不上|对接不上|读不到|不全|难题|不够|不足|太快|太短|太高|太低|太慢|偏大|偏小|偏高|偏低|延迟|死苗|病虫害|染菌|结圈|对不上|抖动|抛料|忽大忽小|不会做|不会弄|不会调|干扰|失效|寿命短|不好|老是|总是|成日|一直|频繁|效率低|能耗高|\bproblems?\b|\bissues?\b|\bfault\b|\bfailures?\b|\bfail(?:s|ing)?\b|\bdefects?\b|\bbroken\b|\btrouble\b|\balarms?\b|\bnot\s+working\b|\byield\b|\boverheat(?:ing|s)?\b|\bdrifts?\b|\bleaks?\b|\bcracks?\b|\bnoise\b|\bwarp(?:s|ing)?\b|\bout\s+of\s+spec\b|\bkeeps\b/i;

/** Help asked for by name other than a fix: training, a talk, a transfer, an upgrade. */
export const SERVICE =
  /培训|讲座|宣讲|讲一讲|讲讲|传帮带|带徒|带一带|成果转化|产品化|转化|联合攻关|攻关|认证|改造|升级|优化|整改|评估|节能|标准化|数字化|\btrain(?:ing)?\b|\bworkshop\b|\btalk\b|\blecture\b|\bcertification\b|\bupgrade\b|\bretrofit\b|\bcommerciali[sz]/i;

/** Someone to send: what an explicit ask names when it names no problem. */
export const EXPERT = /专家|老?师傅|工匠|劳模|大师|技师|老药工|\bexperts?\b|\bmasters?\b|\bmentor\b|\bspecialist\b/i;

/** An enterprise speaking about itself rather than an expert about their time. */
export const ENTERPRISE_VOICE =
  /我们|我司|我厂|本厂|厂里|公司|企业|车间|工厂|厂区|产线|生产线|我们厂|\bwe\b|\bour\b|\bus\b|\bplant\b|\bfactory\b/i;

/** An expert offering time. */
export const AVAILABLE =
  /有空(?![洞间调])|有时间|空闲|(?<![唔冇不])得闲|得空|能接|可以接|接单|方便|都行|都可以|可以约|可约|可以安排|可以过去|能过去|可以去|能去|可以上门|\bavailable\b|\bfree\b|\bi\s+can\s+(?:do|help|come|go|make)\b/i;

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
  /** A question about an existing request. */
  status: boolean;
  /** An ask only someone who wants help writes (HELP_ASK). */
  helpAsk: boolean;
  symptom: boolean;
  /** Training, a talk, commercialisation or an upgrade asked for by name. */
  service: boolean;
  /** An expert, a master, a craftsman named. */
  expert: boolean;
  /** Hiring, a notice, forwarded news: never a request. */
  hardNegative: boolean;
  /** Trade, events, venting, questions to each other: a request only with a fault stated. */
  softNegative: boolean;
  /** The platform or the text addresses the bot. */
  addressed: boolean;
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
  // "专家电话多少？", "R-0013 现在什么进展？": about a request that exists, unless a new problem is asked about too.
  if (s.status && !(s.helpAsk && s.symptom)) return "status";
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
  if (!(requestLike || s.problem || s.skills)) return "chatter";
  // A group says many technical things that are not asks; without an @ only an unmistakable ask is a request.
  const faultAsked = s.helpAsk && s.symptom;
  if (s.hardNegative && !faultAsked) return "chatter";
  if (s.softNegative && !s.symptom && !(s.helpAsk && s.service)) return "chatter";
  if (s.helpAsk && (s.skills || s.symptom || s.service || s.expert)) return "request";
  // The telegraph style of a request: a fault or a service, what it is about, and where, how or when.
  const fault = s.symptom || s.service;
  const logistics = s.place || s.modeSaid || s.dateOrTime || s.urgent;
  if (fault && (s.skills || s.enterpriseVoice) && logistics) return "request";
  if (s.addressed) return "request";
  return "chatter";
}
