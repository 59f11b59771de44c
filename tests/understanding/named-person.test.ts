// Which roster people a message asks for by name.
import { describe, expect, it } from "vitest";
import { namedPeople } from "../../core/understanding/named-person.ts";

const roster = ["刘建华", "刘建", "李建国", "王", "Liu Jianhua"];

describe("names in a request", () => {
  it("takes the longest full name, never a part of it nor a one-character name", () => {
    expect(namedPeople("想请刘建华师傅来看看", roster)).toEqual(["刘建华"]);
    expect(namedPeople("王经理说设备坏了", roster)).toEqual([]);
  });

  it("finds the person even when a factory follows, but not a name inside a company name", () => {
    expect(namedPeople("能不能请李建国老师来我们厂指导一下", roster)).toEqual(["李建国"]);
    expect(namedPeople("我们是刘建华机械厂，注塑机漏油", roster)).toEqual([]);
    expect(namedPeople("佛山李建国五金有限公司的冲压模具开裂", roster)).toEqual([]);
  });

  it("reads a Latin name as whole words in any case", () => {
    expect(namedPeople("we'd like liu jianhua to come", roster)).toEqual(["Liu Jianhua"]);
    expect(namedPeople("we'd like Liu Jianhuang to come", roster)).toEqual([]);
  });
});
