import { describe, expect, it } from "vitest";
import { extractSkills } from "../../core/understanding/skills.ts";
import { ExpertIndex } from "../../jobs/matching/expert-index.ts";
import { matchExperts } from "../../jobs/matching/rank.ts";
import { requestFromText } from "../../jobs/matching/request-from-text.ts";
import { expert, NOW } from "./profile-fixture.ts";

// Requests as a factory manager types them, against free-text profiles as the public reports write them.
const offered = (index: ExpertIndex, text: string) =>
  matchExperts(index, { request: requestFromText(text, NOW), text, top: 5, now: NOW, forOffer: true }).candidates.map(
    (c) => c.externalId,
  );

describe("matching real wording", () => {
  it("the machine that broke is not the trade asked for: a spinning machine's inverter goes to an electrician", () => {
    expect(extractSkills("进口纺纱机变频器烧了，有没有懂变频器的电工师傅").map((s) => s.key)).toEqual([
      "electrical_install",
    ]);
    // The machine's trade still comes through when the machine is all the message names.
    expect(extractSkills("数控折弯机角度不准").map((s) => s.key)).toEqual(["sheet_metal"]);
    const index = new ExpertIndex([
      expert({ externalId: "dyer", skills: ["纺织染整"], canRemote: true }),
      expert({ externalId: "electrician", skills: ["港口机械电气维修", "PLC"], canRemote: true }),
    ]);
    expect(offered(index, "进口纺纱机变频器烧了，整线停着，有没有懂变频器国产替代的电工师傅？")).toEqual([
      "electrician",
    ]);
  });

  it("among experts of the same trade, the one in the requested town with the exact specialty comes first", () => {
    const index = new ExpertIndex([
      expert({ externalId: "humen", city: "东莞", district: "虎门镇", skills: ["数控加工", "薄壁件加工"] }),
      expert({ externalId: "changan", city: "东莞", district: "长安镇", skills: ["数控加工", "薄壁件加工"] }),
      expert({ externalId: "plain", city: "东莞", district: "长安镇", skills: ["数控加工"] }),
    ]);
    expect(offered(index, "CNC铝件薄壁变形 东莞长安")).toEqual(["changan", "humen", "plain"]);
  });

  it("a specialist whose own skill names the trade and the problem ranks above a generalist of the trade", () => {
    const index = new ExpertIndex([
      expert({ externalId: "general", skills: ["焊接"], achievements: "长期从事焊接工作，主持解决焊接难题23项" }),
      expert({ externalId: "cracks", skills: ["船舶焊接", "焊接裂纹分析与控制"] }),
    ]);
    const text = "铸钢件淬火后再焊，着色探伤焊缝和热影响区老出裂纹，求焊接工艺老师傅支招";
    expect(offered(index, text)[0]).toBe("cracks");
  });

  it("the request's place says where, not what: an employer named after the city does not count as shared words", () => {
    const index = new ExpertIndex([
      expert({
        externalId: "employer-in-town",
        city: "广州",
        employer: "东莞市东莞精密有限公司",
        skills: ["服装制版"],
      }),
      expert({ externalId: "moulds", city: "东莞", skills: ["注塑模具修改"] }),
    ]);
    const outcome = matchExperts(index, {
      request: requestFromText("东莞这边注塑件有缩痕", NOW),
      text: "东莞这边注塑件有缩痕",
      top: 5,
      now: NOW,
      forOffer: true,
    });
    expect(outcome.candidates.map((c) => c.externalId)).toEqual(["moulds"]);
    expect(outcome.partial.map((p) => p.externalId)).not.toContain("employer-in-town");
  });
});
