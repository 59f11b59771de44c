// On-site or remote, as said in a request, an availability or a correction. Negations flip the sense:
// "不用来现场" asks for remote help, "远程解决不了" asks for someone on site.

import type { ServiceMode } from "./types.ts";

const NEG_ONSITE =
  /(?:不用|不需要|无需|不必|没必要|不要|不能|没法|无法|去不了|来不了)\s*(?:专门|特地)?\s*(?:来|到|去|跑)?\s*(?:现场|上门|到厂|过来|过去|到场|跑一趟)|\b(?:no\s+need\s+to|don't\s+need\s+to|doesn't\s+need\s+to|not\s+need\s+to|can't|cannot)\s+(?:come|visit|travel|be\s+on[- ]?site)/gi;
const NEG_REMOTE =
  /(?:不接受|不要|(?<!能)不能|(?<!行)不行|没法|无法|不适合|不考虑)\s*(?:做|搞)?\s*(?:远程|线上|视频)|(?:远程|线上|视频)(?:指导)?\s*(?:不行|搞不定|解决不了|不了|没用|不管用)|\bno\s+remote\b|\bnot\s+remote(?:ly)?\b|\bremote\s+(?:won't|will\s+not|doesn't|does\s+not)\s+work\b/gi;
// Remote-controlled equipment (岸桥远程操控, remote monitoring) is what the machine does, not how help is given.
const EQUIPMENT_REMOTE =
  /远程(?:操控|控制|遥控|监控|监测|驾驶|操作|抄表|开关机|运维系统|控制系统|操控系统|监控系统)|遥控|\bremote(?:ly)?[- ](?:control(?:led)?|operated|monitoring|operation|driving)\b/gi;
const REMOTE =
  /远程|线上|视频|在线指导|网上指导|电话(?:指导|沟通|会议)|打电话|腾讯会议|\bremote(?:ly)?\b|\bonline\b|\bvideo\b|\bzoom\b|\bover\s+the\s+phone\b|\bby\s+phone\b/i;
const ONSITE =
  /现场|上门|到厂|来厂|到场|到车间|下厂|下车间|过来|来一趟|跑一趟|(?:能|可以|可|也能|也可以)(?:过去|去厂|去企业|去现场)|亲自|实地|\bon[- ]?site\b|\bin\s+person\b|来看看|来看一下|来看下|来厂里|来我们(?:厂|公司|这)|过来看|来(?:调试|评估|指导|现场|厂|帮忙|处理|修|检查|诊断|解决|产线|车间)|能来|来吗|可以来|都可以来|(?:要|派)[^,.!?;，。！？；]{0,4}人[^,.!?;，。！？；]{0,3}来|到船上|到现场|线下|过嚟|嚟(?:睇|厂|现场|帮手|搞)|上嚟|落厂|亲身|\bcome\b|\bvisit\b|\bcome\s+(?:over|to|and|in)\b|\bsend\s+someone\s+over\b/i;

/** "远程也可以", "on site is fine too": the other way as well, so either. */
const ALSO =
  /(?:远程|线上|视频|现场|上门|过嚟|\bremote(?:ly)?\b|\bonline\b|\bon[- ]?site\b|\bin\s+person\b)\s*(?:也|亦)(?:可以|行|得|ok|没问题|冇问题)|(?:远程|线上|视频|现场|上门)\s*都(?:可以|行|得)|\b(?:remote(?:ly)?|online|on[- ]?site|in\s+person)\s+(?:also|too|as\s+well)\b|\b(?:remote(?:ly)?|online|on[- ]?site|in\s+person)\s+(?:is\s+|works\s+)?(?:also\s+)?(?:ok|fine|good)\s+(?:too|as\s+well)\b|\balso\s+(?:be\s+)?(?:remote(?:ly)?|online|on[- ]?site)\b/i;

/**
 * Whether the text says a mode is fine as well ("远程也可以"). In a correction it widens the request to either; in a
 * new request "线上也行" is read as detectMode reads it, since people write it for "online will do".
 */
export function saysAlso(text: string): boolean {
  return ALSO.test(text);
}

/** onsite, remote, either (both said), or null when neither is said. */
export function detectMode(text: string): ServiceMode | null {
  let rest = text.replace(EQUIPMENT_REMOTE, " ");
  EQUIPMENT_REMOTE.lastIndex = 0;
  let remote = false;
  let onsite = false;
  if (NEG_ONSITE.test(rest)) {
    remote = true;
    rest = rest.replace(NEG_ONSITE, " ");
  }
  NEG_ONSITE.lastIndex = 0;
  if (NEG_REMOTE.test(rest)) {
    onsite = true;
    rest = rest.replace(NEG_REMOTE, " ");
  }
  NEG_REMOTE.lastIndex = 0;
  if (REMOTE.test(rest)) remote = true;
  if (ONSITE.test(rest)) onsite = true;
  if (remote && onsite) return "either";
  if (remote) return "remote";
  if (onsite) return "onsite";
  return null;
}
