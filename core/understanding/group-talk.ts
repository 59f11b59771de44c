// What a busy factory or union group says to itself: greetings, thanks, trade, hiring, notices, news, venting and
// questions to each other. Without an @ the bot registers only an unmistakable help request; these cues, together
// with the asks and symptoms of intent.ts, tell the two apart by the shape of a line, not by its words alone.

import type { ChatterKind } from "./types.ts";

/** Hello, anyone there, good morning — the whole message. */
export const GREETING =
  /^(?:(?:各位|大家|老师|师傅|专家|匠桥|朋友们|同事们|领导|群友们)*(?:早上好|上午好|中午好|下午好|晚上好|早晨|早安|早|好|你好|您好|晚安|新年好)|你好|您好|哈喽|嗨|在吗|在不在|有人吗|有人在吗|有冇人|有冇人喺度|喺唔喺度|hi|hello|hey|good\s+(?:morning|afternoon|evening)|morning(?:\s+all)?|anyone\s+(?:here|there)|is\s+anyone\s+there)(?:\s*(?:各位|大家|老师|师傅|专家|同事|朋友|领导|们|啊|呀|哈|呢|啦|all|everyone|guys|there))*[\s!.~,，。！～?？🙂😊👋🙏]*$/iu;

/** Thanks and acknowledgements, the whole message. */
export const THANKS_ONLY =
  /^(?:(?:好的?|ok|收到)[,，\s]*)?(?:谢谢|谢啦|谢了|感谢|多谢|唔该|辛苦了?|thanks?|thank\s+you|thx|ty)(?:\s*(?:你|您|大家|各位|晒|曬|啦|了|哈|啊|老师|师傅|专家|匠桥|a\s+lot|so\s+much|very\s+much|all|everyone))*(?:[\s!.~,，。！～🙏👍❤]|\uFE0F)*$/iu;

// Buying and selling: a price, a product for sale, a supplier.
const TRADE =
  /出售|转让|收购|回收|低价|高价|处理库存|清仓|甩卖|便宜|实惠|平啲|价格|价钱|报价|询价|多少钱|几多钱|优惠|现货|有货|批发|代理|承接|外发|供应商|厂家|采购|欢迎来电|欢迎询价|有意私聊|需要的私聊|私聊|\bfor\s+sale\b|\bselling\b|\bbuy(?:ing)?\b|\bcheap\b|\bquotes?\b|\bprice\b|\bsupplier\b|\bwholesale\b|\bPM\s+if\b/i;

// Recruiting and job seeking.
const HIRING =
  /招聘|诚聘|急招|招人|请人|招工|招普工|招学徒|长期招|招\S{0,6}(?:师傅|技术员|工程师|普工|电工|焊工|操机|名|主管|经理|领班|组长|班长|学徒|工人|文员|质检|品管)|招(?:个|一个|几个|两个|几名|一名)|求职|找工作|月薪|薪资|工资面议|待遇|包吃住|包食包住|五险一金|有意者|长白班|\bhiring\b|\bwe\s+are\s+recruiting\b|\bjob\s+opening\b|\bsalary\b|\bDM\s+me\b/i;

// Notices to everyone, forwarded news and announcements: the form of the line says it is not an ask.
const NOTICE =
  /^【|^@所有人|通知|公告|温馨提示|请各|请大家|请各位|各位(?:同事|师傅|会员|分会|班组|寿星)?(?:注意|请)|各(?:车间|部门|班组|分会)(?:注意|请|主席)?|准时参加|按时参加|欢迎(?:大家|各位)?(?:参加|报名|借阅|光临)|大家注意|请注意|转发|\ball\s+welcome\b|\beveryone\s+(?:is\s+)?welcome\b|据报道|新闻|\bnews\b|\bforward(?:ing|ed)?\b|\breminder\b|\bannouncement\b/i;

// Events of the workplace: meetings, holidays, outages, contests; an ask may still mention them.
const EVENT =
  /提醒|报名|截止|开会|会议|例会|演练|放假|停电|停水|加班|开OT|聚餐|团建|年会|体检|\bmeeting\b|\bholiday\b|\bplease\s+(?:fill|check|be\s+on\s+time)\b/i;

// Venting: a sigh, a joke, a curse; a machine breaking is news here, not an ask.
const VENTING =
  /烦死|烦啊|好烦|真烦|烦$|无语|郁闷|崩溃|醉了|倒霉|晦气|激气|头疼|头痛|气死|急死|累死|热死|吵死|服了|受不了|没法做|不想上班|哈哈|呵呵|笑死|😂|🤣|😭|😤|唉|哎|\bugh\b|\bso\s+annoying\b|\bcrazy\b|\blol\b|\bhaha\b/i;

// A question to the other members about daily life or the workplace: times, places, people, belongings.
const PEER_QUESTION =
  /一起(?:去|吃|玩|报名|参加|拼|聚)|吃饭|食饭|饮茶|喝茶|喝酒|宵夜|\bwho'?s\s+(?:joining|coming|in)\b|\bwho\s+is\s+(?:joining|coming)\b|几点|几时|什么时候|啥时候|哪天|哪一天|在哪|喺边|去哪|哪里有|哪里买|边度|谁(?:有|知道|去|拿|借|的|在|值|放|用|动|见|看到)|放(?:在)?哪|去哪了|在哪了|边个|哪位|哪个同事|有没有人(?:知道|去|要|拼|一起|有)|有冇人(?:去|知|一齐)|有人(?:去|拼|知道|要)|\bwho\s+(?:has|is|won|knows\s+where)\b|\banyone\s+(?:going|driving|know\s+where)\b|\bwhen\s+is\b|\bwhere\s+(?:is|can)\b/i;

/** The kind of chatter a line is, for handlers that greet or thank back; the first cue that fits wins. */
export function chatterKind(text: string): ChatterKind {
  if (GREETING.test(text)) return "greeting";
  if (THANKS_ONLY.test(text)) return "thanks";
  if (HIRING.test(text)) return "hiring";
  if (TRADE.test(text)) return "trade";
  if (NOTICE.test(text) || EVENT.test(text)) return "notice";
  if (VENTING.test(text)) return "venting";
  if (PEER_QUESTION.test(text)) return "question";
  return "small_talk";
}

// Someone else already has it in hand: the landlord, the maker's after-sales, a repair already reported.
const IN_HAND =
  /物业|报修了|已报修|已经报(?:修|了)|已经联系|已联系|厂家说|售后说|售后(?:会|明天|下午|马上)|已经(?:在)?(?:处理|修)|\balready\s+(?:reported|called|being\s+fixed)\b/i;

/** Cues that a line is not a help request however technical its words are: hiring, notices, news, in hand. */
export function hardNegative(text: string): boolean {
  return HIRING.test(text) || NOTICE.test(text) || IN_HAND.test(text);
}

/** Cues that win unless the line also states a fault: trade, venting, questions to each other. */
export function softNegative(text: string): boolean {
  return TRADE.test(text) || EVENT.test(text) || VENTING.test(text) || PEER_QUESTION.test(text);
}
