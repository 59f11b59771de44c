// The enterprise's name when the sender gives one: 我们是东莞宏达五金制品有限公司, 佛山市美达电器厂,
// 企业名称：XX. A description ("我们是一家注塑厂", "东莞的工厂") is not a name and gives null.

const NAME_CHARS = "[\\u4e00-\\u9fffA-Za-z0-9()（）·&]";
const FORMAL = new RegExp(`(${NAME_CHARS}{2,30}?(?:股份有限公司|有限责任公司|有限公司|集团有限公司|集团))`);
const INTRODUCED = new RegExp(
  `(?:我们是|我们这是|我们这边是|我司是|我是|这里是|这边是|来自|本公司是?|我们)\\s*(${NAME_CHARS}{2,20}?(?:公司|工厂|制造厂|厂|研究所|研究院|合作社|农场|船厂|电厂|医院))(?![\\u4e00-\\u9fff]{0,1}(?:有限|股份))`,
);
const LABELLED = /(?:公司名称|企业名称|单位名称|企业|公司|单位|厂名)\s*[:：]\s*([^\s,，;；。\n]{2,30})/;
const EN_NAME =
  /\b(?:we\s+are|we're|this\s+is|from)\s+((?:[A-Z][\w&.'-]*\s+){0,5}(?:Co\.?,?\s*Ltd\.?|Ltd\.?|Inc\.?|Corp(?:oration)?\.?|Company|Factory|Group|Manufacturing|Electronics|Technology|Technologies))/;

// Words people put before a name that are not part of it.
const LEADING =
  /^(?:你好|您好|大家好|各位|老师好|我们是|我们这是|我们|我司是|我司|我是|这里是|这边是|来自|本公司是|本公司|是|在)+/;
const GENERIC = /^(?:一家|一个|家|个|小|本地|当地|本|我们|咱们|我|这家|那家|该|贵|某|我方|对方|其他|别的)/;

function clean(name: string): string | null {
  let n = name.replace(LEADING, "");
  // "东莞的宏达公司": keep what follows the last particle.
  const cut = Math.max(n.lastIndexOf("的"), n.lastIndexOf("是"), n.lastIndexOf("在"));
  if (cut >= 0) n = n.slice(cut + 1);
  if (GENERIC.test(n)) return null;
  const body = n.replace(
    /(?:股份有限公司|有限责任公司|有限公司|集团有限公司|集团|公司|工厂|制造厂|厂|研究所|研究院|合作社|农场|医院)$/,
    "",
  );
  if (body.length < 2) return null;
  return n;
}

export function findEnterprise(text: string): string | null {
  for (const pattern of [LABELLED, FORMAL, INTRODUCED]) {
    const m = pattern.exec(text);
    const name = m?.[1] ? clean(m[1]) : null;
    if (name) return name;
  }
  const en = EN_NAME.exec(text);
  return en?.[1] ? en[1].trim() : null;
}
