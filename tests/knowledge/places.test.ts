import { describe, expect, it } from "vitest";
import {
  allCities,
  areNeighbours,
  canonicalCity,
  extractCities,
  extractPlace,
  regionOf,
} from "../../core/understanding/places.ts";

describe("places in Guangdong", () => {
  it("knows the 21 prefecture-level cities and their regions", () => {
    expect(allCities()).toHaveLength(21);
    expect(regionOf("东莞")).toBe("珠三角");
    expect(regionOf("汕尾")).toBe("粤东");
    expect(regionOf("湛江")).toBe("粤西");
    expect(regionOf("梅州")).toBe("粤北");
    expect(regionOf("上海")).toBeNull();
  });

  it("knows neighbours both ways", () => {
    expect(areNeighbours("东莞", "深圳")).toBe(true);
    expect(areNeighbours("深圳", "东莞")).toBe(true);
    expect(areNeighbours("深圳", "湛江")).toBe(false);
  });

  it.each([
    ["我们在深圳，可以远程吗", "深圳", null],
    ["我们在广东东莞市长安镇", "东莞", "长安"],
    ["松山湖的工厂", "东莞", "松山湖"],
    ["佛山顺德容桂", "佛山", "顺德"],
    ["Our plant in Jiangmen needs help", "江门", null],
    ["ＧＵＡＮＧＺＨＯＵ 🙂", "广州", null],
    ["厂在中山古镇镇", "中山", "古镇"],
  ])("%s -> %s %s", (text, city, district) => {
    expect(extractPlace(text)).toEqual({ city, district });
  });

  it("does not take ordinary words for places", () => {
    expect(extractPlace("对精度有很高要求").city).toBeNull();
    expect(extractPlace("码头的龙门吊坏了").city).toBeNull();
    expect(extractPlace("古镇旅游").city).toBeNull();
  });

  it("lists every city named and normalises roster spellings", () => {
    expect(extractCities("可去广州、佛山、东莞")).toEqual(["广州", "佛山", "东莞"]);
    expect(canonicalCity("东莞市")).toBe("东莞");
    expect(canonicalCity("Dongguan")).toBe("东莞");
    expect(canonicalCity("北京")).toBeNull();
  });
});
