// The hand-off is a lifecycle transition: one timeline row, told once, and never reopening a closed request.
import { describe, expect, it } from "vitest";
import { markHandedOff } from "../../jobs/lifecycle/hand-off.ts";
import { useTestBots } from "../support/bots.ts";
import { row, useRoster } from "./roster-rows.ts";

const group = "东莞制造企业群";
const bot = useTestBots();

describe("handing a request nobody fits to staff", () => {
  it("marks it unmatched with one timeline row, once, and leaves a request closed meanwhile alone", async () => {
    const b = await bot({ DEMO_DATA: "false" });
    const { db } = b.app.services;
    await useRoster(db, [row({ id: "T01", name: "染整李师傅", skills: ["纺织染整"] })]);
    await b.run([
      `/in ${group}`,
      "/as 东莞精工科技-王经理",
      "@匠桥 我们厂在东莞，数控加工的薄壁件变形严重，请专家来现场",
    ]);
    const request = await db.helpRequest.findUniqueOrThrow({ where: { code: "R-0001" } });
    expect(request).toMatchObject({ status: "unmatched", waitReason: "no_fit" });
    const rows = await db.requestEvent.findMany({ where: { requestId: request.id, type: "unmatched" } });
    expect(rows.map((event) => JSON.parse(event.detail))).toEqual([{ reason: "no_fit", partial: 0 }]);
    // A retried match job: nothing changes, nobody is told again.
    expect(await markHandedOff(db, request.id, 0)).toBeNull();
    expect(await db.requestEvent.count({ where: { requestId: request.id, type: "unmatched" } })).toBe(1);

    await b.run(["/as 工会小陈", "/in dm", "/close R-0001"]);
    expect(await markHandedOff(db, request.id, 0)).toBeNull();
    expect((await db.helpRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("closed");
  });
});
