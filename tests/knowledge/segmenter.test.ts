import { describe, expect, it } from "vitest";
import { segment } from "../../core/understanding/segmenter.ts";

describe("the segmenter", () => {
  it("keeps taxonomy and place terms whole", () => {
    const words = segment("东莞松山湖的加工中心有振纹，动车组检修");
    expect(words).toEqual(expect.arrayContaining(["松山湖", "加工中心", "振纹", "动车组检修"]));
    expect(words).not.toContain(" ");
  });
});
