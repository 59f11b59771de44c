// A question about a request that already exists ("R-0013 现在什么进展？", "专家电话多少？", "我的需求",
// "any update on R-0010?"): the handler answers with the request's status instead of opening a new one.

import type { ParsedStatus } from "./types.ts";

// Progress: how far it got, who answered, when someone comes.
const PROGRESS =
  /进展|进度|怎么样了|咋样了|点样了|到哪一步|到哪了|有(?:没有|冇)?(?:回复|回音|消息|结果|下文|人接)|有人接(?:了)?吗|(?:专家|师傅|老师)(?:什么时候|几时|哪天|啥时候)(?:来|到|过来|联系)|(?:什么时候|几时|哪天|啥时候|幾時)(?:有人|有专家|有师傅|派人|安排人?)(?:来|到|过来|过嚟|嚟|联系|跟进)?|(?:有冇|有没有)人(?:接|理|跟进|回复)|(?:专家|师傅|老师)(?:接(?:了|受了)?|同意(?:了)?|答应(?:了)?)(?:没有|吗|未)|(?:安排|匹配|对接|找到)(?:好)?了(?:吗|没有?|未)|还(?:没|未)(?:有)?(?:人|专家|消息|回复|安排|联系)|\bany\s+(?:update|news|progress)\b|\bupdates?\s+on\b|\bstatus\s+(?:of|on)\b|\bprogress\s+(?:of|on)\b|\bwhat'?s\s+(?:the\s+)?status\b|\bhas\s+(?:anyone|an?\s+expert|someone)\s+(?:accepted|replied|answered|agreed)\b|\bwho\s+(?:accepted|is\s+coming)\b|\bwhen\s+(?:will|is)\s+(?:the\s+)?expert\b/i;

// The expert's contact: only the matched expert, never a colleague's number.
const CONTACT =
  /(?:专家|师傅|老师|对接人)(?:的)?(?:电话|手机|联系方式|微信|号码)|(?:怎么|如何|点样)(?:联系|联络|搵)(?:专家|师傅|老师)|\b(?:expert'?s?|the\s+expert)\s+(?:phone|number|contact|wechat)\b|\bhow\s+(?:do|can)\s+(?:i|we)\s+(?:contact|reach)\s+the\s+expert\b/i;

// My requests, as a whole message or nearly: 我的需求, 我提的需求呢, my requests.
const MINE =
  /^(?:查(?:一下|下)?|看(?:一下|下)?)?(?:我|我们|我哋)(?:的|嘅|啲|提的|提嘅|报的|报嘅|登记的|登记嘅|发的|发嘅)(?:需求|请求|求助|单子?|工单)(?:呢|怎么样了|点样了|喺边|在哪|列表)?[\s?？!！。.]*$|^(?:my|our)\s+requests?[\s?.!]*$|\b(?:status\s+of\s+)?(?:my|our)\s+requests?\b(?=.*\?)/i;

/** The status question a message asks, or null. `code` is the request code named in the message, if any. */
export function parseStatus(text: string, code: string | null): ParsedStatus | null {
  const trimmed = text.trim();
  if (CONTACT.test(trimmed)) return { code, about: "contact" };
  if (MINE.test(trimmed)) return { code, about: "mine" };
  if (PROGRESS.test(trimmed)) {
    // Without a code, a progress question must speak of a request or an expert, not of an order or a parcel.
    if (code || /需求|请求|求助|专家|师傅|老师|匠桥|\brequest\b|\bexpert\b/i.test(trimmed)) {
      return { code, about: "progress" };
    }
  }
  // A bare code ("R-0013", "R-0013?") asks how it stands.
  if (code && /^[\s?？。.!！]*$/.test(trimmed)) return { code, about: "progress" };
  return null;
}
